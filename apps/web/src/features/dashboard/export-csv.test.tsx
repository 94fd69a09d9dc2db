import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { notifications } from '@mantine/notifications';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../testing/render';
import { ExportCsv, exportUrl } from './export-csv';

const filters = {
  institutionId: 'i1',
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  granularity: 'MONTH' as const,
  splitBy: 'CAREER_STAGE' as const,
};

const signedIn = {
  token: 'access-token-in-memory',
  tokenExpiresAt: new Date(Date.now() + 300_000).toISOString(),
  member: { id: 'm1', displayName: 'Lee Lead', roles: [{ role: 'LEAD' as const, institutionId: 'i1' }] },
};

afterEach(() => vi.restoreAllMocks());

function captureDownloads() {
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:export';
    }),
    revokeObjectURL: vi.fn(),
  });
  const clicked: HTMLAnchorElement[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  // jsdom lays nothing out: Mantine's option list scrolls the chosen option into view
  Element.prototype.scrollIntoView = vi.fn();
  return { blobs, clicked };
}

describe('CSV download on the dashboard', () => {
  it('builds the plain export URL from the filters, without the token', () => {
    expect(exportUrl('PROGRAMME_SESSIONS', filters)).toBe(
      '/exports/engagement/programme-sessions?from=2026-01-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z&granularity=MONTH&institutionId=i1&splitBy=CAREER_STAGE',
    );
    expect(exportUrl('FUNNEL', { ...filters, institutionId: null, splitBy: 'NONE' })).toBe(
      '/exports/engagement/funnel?from=2026-01-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z&granularity=MONTH',
    );
    // a demographic split of the funnel is yearly; the other tables keep the chosen granularity
    expect(exportUrl('FUNNEL', { ...filters, splitBy: 'GENDER' })).toContain('granularity=YEAR');
    expect(exportUrl('MONEY', { ...filters, splitBy: 'GENDER' })).toContain('granularity=MONTH');
  });

  it('fetches the chosen table with the in-memory token as a bearer and saves the answer as a file', async () => {
    const user = userEvent.setup();
    const csv = 'bucket,step,count\r\n2026-11,MEMBERS,40\r\n';
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(csv, {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="engagement-money-2026.csv"',
        },
      }),
    );
    const { blobs, clicked } = captureDownloads();
    const { store } = renderPage(<ExportCsv filters={filters} />);
    store.signedIn(signedIn);
    await user.click(screen.getByRole('combobox', { name: /table to download/i }));
    await user.click(await screen.findByRole('option', { name: 'Funding' }));
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(exportUrl('MONEY', filters));
    expect(String(url)).not.toContain('access-token');
    expect(init?.headers).toEqual({ authorization: 'Bearer access-token-in-memory' });
    expect(init?.credentials).toBe('omit');
    expect(clicked[0]?.download).toBe('engagement-money-2026.csv');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0] as Blob);
    });
    expect(text).toBe(csv);
  });

  it("shows the server's refusal in words", async () => {
    const user = userEvent.setup();
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          message: 'invalid export request',
          fields: [{ field: 'to', rule: 'afterFrom', message: 'to must be after from' }],
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      ),
    );
    const { clicked } = captureDownloads();
    const shown = vi.spyOn(notifications, 'show').mockReturnValue('refusal');
    const { store } = renderPage(<ExportCsv filters={filters} />);
    store.signedIn(signedIn);
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() =>
      expect(shown).toHaveBeenCalledWith({
        color: 'red',
        message: 'invalid export request: to must be after from',
      }),
    );
    expect(clicked).toHaveLength(0);
  });
});
