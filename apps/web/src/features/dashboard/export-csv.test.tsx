import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../testing/render';
import { ExportCsv } from './export-csv';
import { EngagementExportDocument } from './operations';

const filters = {
  institutionId: 'i1',
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  granularity: 'MONTH' as const,
  splitBy: 'CAREER_STAGE' as const,
};

afterEach(() => vi.restoreAllMocks());

describe('CSV download on the dashboard', () => {
  it('asks for the chosen table with the filters and saves the CSV as a file', async () => {
    const user = userEvent.setup();
    const csv = 'bucket,step,count\n2026-11,MEMBERS,40\n2026-11,SUBMITTED,suppressed\n';
    const exported = {
      request: { query: EngagementExportDocument, variables: { input: { ...filters, table: 'MONEY' } } },
      result: {
        data: {
          engagementExport: {
            __typename: 'EngagementCsvExport',
            filename: 'engagement-money.csv',
            contentType: 'text/csv',
            csv,
          },
        },
      },
    };
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    // jsdom lays nothing out: Mantine's option list scrolls the chosen option into view
    Element.prototype.scrollIntoView = vi.fn();
    renderPage(<ExportCsv filters={filters} />, [exported]);
    await user.click(screen.getByRole('combobox', { name: /table to download/i }));
    await user.click(await screen.findByRole('option', { name: 'Funding' }));
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0].download).toBe('engagement-money.csv');
    expect(blobs[0].type).toBe('text/csv');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(text).toBe(csv);
  });
});
