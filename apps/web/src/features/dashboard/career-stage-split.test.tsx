import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EngagementOverviewQuery } from '../../gql/graphql';
import { theme } from '../../app/theme';
import { renderPage } from '../../testing/render';
import { MetricsSection } from './metrics-section';
import { EngagementMetricsDocument } from './operations';
import { OverviewSection } from './overview-section';

type Stage =
  'medicalStudent' | 'foundationDoctor' | 'resident' | 'consultant' | 'academic' | 'alliedHealth' | 'other';
const ZEROS: { __typename: 'CareerStageLine' } & Record<Stage, number | null> = {
  __typename: 'CareerStageLine',
  medicalStudent: 0,
  foundationDoctor: 0,
  resident: 0,
  consultant: 0,
  academic: 0,
  alliedHealth: 0,
  other: 0,
};

const NO_COUNT = {
  count: 0,
  suppressed: false,
  networkCount: 0,
  networkSuppressed: false,
  byCareerStage: ZEROS,
};
const GROUP_ZEROS: EngagementOverviewQuery['engagementOverview']['groupMentoring'] = {
  workshopsHeld: NO_COUNT,
  workshopPlaces: NO_COUNT,
  workshopPlacesTaken: NO_COUNT,
  workshopWaitlisted: NO_COUNT,
  workshopFill: null,
  networkWorkshopFill: null,
  mastermindAttendees: NO_COUNT,
};

/** The stage cells of a row: what follows the figure's own cells (here and the network). */
function stageCellTexts(row: HTMLElement, skip: number): Array<string | null> {
  return within(row)
    .getAllByRole('cell')
    .slice(skip)
    .map((cell) => cell.textContent);
}

describe('the dashboard split by career stage', () => {
  it("shows the overview's lines beside its figures, suppressed stages marked and explained", () => {
    const overview: EngagementOverviewQuery['engagementOverview'] = {
      institutionId: 'i1',
      suppressionThreshold: 5,
      figures: [
        {
          figure: 'MEMBERS',
          count: 8,
          suppressed: false,
          networkCount: 14,
          networkSuppressed: false,
          // two consultants: hidden, and the residents with them
          byCareerStage: { ...ZEROS, resident: null, consultant: null },
        },
        {
          figure: 'ENTRIES',
          count: 9,
          suppressed: false,
          networkCount: 30,
          networkSuppressed: false,
          // by the entry's lead applicant
          byCareerStage: { ...ZEROS, resident: 6, consultant: null, other: null },
        },
        {
          figure: 'CHECK_INS_HELD',
          count: 18,
          suppressed: false,
          networkCount: 20,
          networkSuppressed: false,
          byCareerStage: { ...ZEROS, resident: 18 },
        },
      ],
      rates: [],
      groupMentoring: {
        ...GROUP_ZEROS,
        mastermindAttendees: {
          count: 7,
          suppressed: false,
          networkCount: 7,
          networkSuppressed: false,
          byCareerStage: { ...ZEROS, resident: 5, academic: null, other: null },
        },
      },
      collaboration: [],
    };
    render(
      <MantineProvider theme={theme} env="test">
        <OverviewSection overview={overview} scopeName="Leeds" byStage />
      </MantineProvider>,
    );
    const table = screen.getAllByRole('table')[0] as HTMLElement;
    expect(within(table).getByRole('columnheader', { name: 'Resident' })).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: 'Allied health professional' }),
    ).toBeInTheDocument();
    const members = within(table).getByRole('row', { name: /^Members/ });
    expect(stageCellTexts(members, 2)).toEqual(['0', '0', 'Suppressed', 'Suppressed', '0', '0', '0']);
    const [resident] = within(members).getAllByText('Suppressed');
    expect(resident).toHaveAccessibleDescription(/fewer than 5 people.*not zero/);
    expect(stageCellTexts(within(table).getByRole('row', { name: /^Check-ins held/ }), 2)).toEqual([
      '0',
      '0',
      '18',
      '0',
      '0',
      '0',
      '0',
    ]);
    // entries by their lead applicant's stage, like every other line
    const entries = within(table).getByRole('row', { name: /^Competition entries/ });
    expect(stageCellTexts(entries, 2)).toEqual(['0', '0', '6', 'Suppressed', '0', '0', 'Suppressed']);
    expect(screen.getByText(/an entry’s lead applicant/)).toBeInTheDocument();
    // group mentoring splits too, in its own table
    const group = within(screen.getByRole('region', { name: 'Group mentoring' })).getAllByRole('table')[0];
    expect(within(group as HTMLElement).getByRole('columnheader', { name: 'Resident' })).toBeInTheDocument();
    const mastermind = within(group as HTMLElement).getByRole('row', { name: /^Mastermind attendees/ });
    expect(stageCellTexts(mastermind, 2)).toEqual(['0', '0', '5', '0', 'Suppressed', '0', 'Suppressed']);
  });

  it('leaves the overview unsplit without the filter', () => {
    const overview: EngagementOverviewQuery['engagementOverview'] = {
      institutionId: null,
      suppressionThreshold: 5,
      figures: [
        { figure: 'MEMBERS', count: 8, suppressed: false, networkCount: 8, networkSuppressed: false },
      ],
      rates: [],
      groupMentoring: GROUP_ZEROS,
      collaboration: [],
    };
    render(
      <MantineProvider theme={theme} env="test">
        <OverviewSection overview={overview} scopeName="Whole network" />
      </MantineProvider>,
    );
    expect(screen.queryByRole('columnheader', { name: 'Resident' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /^Members/ })).getAllByRole('cell')).toHaveLength(1);
  });

  it('asks for the lines and shows programme, protected-time and money lines, hours and amounts formatted', async () => {
    const input = {
      institutionId: 'i1',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      granularity: 'QUARTER' as const,
    };
    const figure = (
      name: 'APPLICANTS' | 'MINUTES_LOGGED',
      value: number,
      line: Partial<Record<Stage, number | null>>,
    ) => ({
      __typename: 'MetricFigureValue' as const,
      figure: name,
      value,
      suppressed: false,
      networkValue: null,
      networkSuppressed: true,
      byCareerStage: { ...ZEROS, ...line },
    });
    // with the __typename fields the client's cache reads (the generated types leave them out)
    const data = {
      engagementProgrammes: {
        __typename: 'EngagementProgrammes',
        institutionId: 'i1',
        suppressionThreshold: 5,
        buckets: [
          {
            __typename: 'MetricBucket',
            label: '2026-Q1',
            figures: [figure('APPLICANTS', 8, { resident: null, consultant: null })],
            rates: [],
          },
        ],
      },
      engagementFunding: {
        __typename: 'EngagementFunding',
        institutionId: 'i1',
        suppressionThreshold: 5,
        buckets: [
          {
            __typename: 'FundingBucket',
            label: '2026-Q1',
            figures: [figure('MINUTES_LOGGED', 2_400, { resident: 2_400 })],
            rates: [{ __typename: 'MetricRateValue', rate: 'UTILISATION', value: 0.15, networkValue: null }],
            money: [
              {
                __typename: 'FundMoneyFigure',
                measure: 'AWARDED',
                fundId: null,
                currency: 'GBP',
                amount: { __typename: 'Money', amountMinor: 570_000, currency: 'GBP' },
                suppressed: false,
                networkAmount: null,
                networkSuppressed: true,
                byCareerStage: {
                  ...ZEROS,
                  __typename: 'CareerStageAmountLine',
                  resident: 500_000,
                  consultant: null,
                  academic: null,
                },
              },
            ],
          },
        ],
        atRisk: [],
      },
    };
    renderPage(<MetricsSection input={input} bucketLabel={null} scopeName="Leeds" byStage />, [
      {
        request: { query: EngagementMetricsDocument, variables: { input, byStage: true, namedFunds: false } },
        result: { data },
      },
    ]);
    const applicants = await screen.findByRole('row', { name: /^Programme applicants/ });
    expect(stageCellTexts(applicants, 2)).toEqual(['0', '0', 'Suppressed', 'Suppressed', '0', '0', '0']);
    // 2,400 minutes are 40 hours
    const logged = screen.getByRole('row', { name: /^Protected hours logged/ });
    expect(stageCellTexts(logged, 2)[2]).toBe('40');
    const money = screen.getByRole('row', { name: /^Awarded/ });
    const cells = stageCellTexts(money, 2);
    expect(cells[2]).toMatch(/£5,000(\.00)?/);
    expect(cells[3]).toBe('Suppressed');
    expect(cells[4]).toBe('Suppressed');
    expect(within(money).getAllByText('Suppressed')[1]).toHaveAccessibleDescription(/fewer than 5 people/);
    // a rate is not split
    expect(screen.getByRole('row', { name: /^Protected time used/ })).toHaveTextContent('No split');
  });
});
