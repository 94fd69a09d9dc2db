import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EngagementFunnelQuery, EngagementOverviewQuery, FunnelStep } from '../../gql/graphql';
import { theme } from '../../app/theme';
import { chartValue, countText } from './figures';
import { dashboardMessages } from './messages';
import { FunnelSection } from './funnel-section';
import { OverviewSection } from './overview-section';

type Funnel = EngagementFunnelQuery['engagementFunnel'];

const STEPS = Object.keys(dashboardMessages.steps) as FunnelStep[];

/** A funnel in which SUBMITTED is suppressed at the institution, WINNERS is a released zero. */
function funnel(): Funnel {
  const counts: Partial<Record<FunnelStep, number | null>> = {
    MEMBERS: 40,
    PROPOSAL_AUTHORS: 12,
    SUBMITTED: null,
  };
  const steps = STEPS.map((step) => {
    const count = step in counts ? (counts[step] ?? null) : 0;
    return {
      step,
      count,
      suppressed: count === null,
      fromPrevious: null,
      fromMembers: step === 'PROPOSAL_AUTHORS' ? 0.3 : null,
    };
  });
  return {
    institutionId: 'i1',
    granularity: 'MONTH',
    splitBy: 'CAREER_STAGE',
    suppressionThreshold: 5,
    buckets: [
      {
        label: '2026-11',
        start: '2026-11-01T00:00:00.000Z',
        end: '2026-12-01T00:00:00.000Z',
        steps,
        groups: [
          {
            group: 'RESIDENT',
            institution: null,
            steps: steps.map((figure) => ({ ...figure, count: null, suppressed: true })),
          },
        ],
        network: STEPS.map((step) => ({
          step,
          count: step === 'SUBMITTED' ? 31 : null,
          suppressed: step !== 'SUBMITTED',
        })),
      },
    ],
  };
}

type Overview = EngagementOverviewQuery['engagementOverview'];

/** A collaboration pair as the service answers it: both ids, and both institutions named by membership. */
function edge(
  a: string,
  aName: string | null,
  b: string,
  bName: string | null,
  proposals: number | null,
): Overview['collaboration'][number] {
  return {
    institutionAId: a,
    institutionBId: b,
    institutionA: aName === null ? null : { id: a, name: aName },
    institutionB: bName === null ? null : { id: b, name: bName },
    proposals,
  };
}

const NO_GROUP_FIGURE = { count: 0, suppressed: false, networkCount: 0, networkSuppressed: false };

function renderIn(ui: React.ReactNode) {
  return render(
    <MantineProvider theme={theme} env="test">
      {ui}
    </MantineProvider>,
  );
}

describe('suppressed figures', () => {
  it('reads a suppressed count as suppressed, never as 0, and a released zero as 0', () => {
    expect(countText({ count: null, suppressed: true })).toBe('Suppressed');
    expect(countText({ count: 0, suppressed: false })).toBe('0');
    expect(countText({ count: null, suppressed: false })).toBe('Not available');
    // a chart leaves a gap for it instead of a zero bar
    expect(chartValue({ count: null, suppressed: true })).toBeNull();
    expect(chartValue({ count: 0, suppressed: false })).toBe(0);
  });

  it('marks suppressed funnel cells in words, tied to the explanation, beside released ones', () => {
    renderIn(<FunnelSection funnel={funnel()} scopeName="Leeds" chosen={null} onChoose={() => undefined} />);
    const table = screen.getByRole('table', { name: 'Leeds, 2026-11' });
    const submitted = within(table).getByRole('row', { name: /^Submitted a proposal/ });
    const [here, , , network] = within(submitted).getAllByRole('cell');
    expect(here).toHaveTextContent('Suppressed');
    expect(here).not.toHaveTextContent('0');
    expect(within(here).getByText('Suppressed')).toHaveAccessibleDescription(/fewer than 5 people.*not zero/);
    expect(network).toHaveTextContent('31');
    const winners = within(table).getByRole('row', { name: /^Winners/ });
    expect(within(winners).getAllByRole('cell')[0]).toHaveTextContent(/^0$/);
    const authors = within(table).getByRole('row', { name: /^Proposal authors/ });
    expect(within(authors).getAllByRole('cell')[0]).toHaveTextContent('12');
    expect(within(authors).getAllByRole('cell')[2]).toHaveTextContent('30 %');
    // the split by career stage: every cell of a small line is suppressed
    const split = screen.getByRole('table', { name: '2026-11' });
    const resident = within(split).getByRole('row', { name: /^Resident/ });
    for (const cell of within(resident).getAllByRole('cell')) expect(cell).toHaveTextContent('Suppressed');
  });

  it("shows the overview's suppressed figures and collaboration pairs as suppressed", () => {
    const overview: EngagementOverviewQuery['engagementOverview'] = {
      institutionId: 'i1',
      suppressionThreshold: 5,
      figures: [
        {
          figure: 'ENTRIES',
          count: 9,
          suppressed: false,
          networkCount: 30,
          networkSuppressed: false,
        },
        {
          figure: 'AT_RISK_RELATIONSHIPS',
          count: null,
          suppressed: true,
          networkCount: null,
          networkSuppressed: true,
        },
      ],
      rates: [{ rate: 'MENTORED_SHARE', value: null, networkValue: 0.25 }],
      groupMentoring: {
        workshopsHeld: { count: 3, suppressed: true, networkCount: 12, networkSuppressed: false },
        workshopPlaces: { count: 40, suppressed: false, networkCount: 120, networkSuppressed: false },
        workshopPlacesTaken: { count: 30, suppressed: false, networkCount: 96, networkSuppressed: false },
        workshopWaitlisted: { count: 0, suppressed: false, networkCount: null, networkSuppressed: true },
        workshopFill: 0.75,
        networkWorkshopFill: 0.8,
        mastermindAttendees: { count: 6, suppressed: false, networkCount: 20, networkSuppressed: false },
      },
      collaboration: [edge('i1', 'Leeds', 'i2', 'Glasgow', null), edge('i1', 'Leeds', 'i3', 'Cardiff', 7)],
    };
    renderIn(<OverviewSection overview={overview} scopeName="Leeds" />);
    const atRisk = screen.getByRole('row', { name: /^Relationships at risk/ });
    expect(
      within(atRisk)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Suppressed', 'Suppressed']);
    const entries = screen.getByRole('row', { name: /^Competition entries/ });
    expect(
      within(entries)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['9', '30']);
    const share = screen.getByRole('row', { name: /^Share of members with an active mentor/ });
    expect(
      within(share)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Not available', '25 %']);
    // group mentoring: its own table, beside the network, a suppressed count never shown as its number
    const group = screen.getByRole('region', { name: 'Group mentoring' });
    const cells = (name: RegExp) =>
      within(within(group).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(/^Coaching workshops held/)).toEqual(['Suppressed', '12']);
    expect(cells(/^Workshop places taken(?! of)/)).toEqual(['30', '96']);
    expect(cells(/^Still waitlisted when held/)).toEqual(['0', 'Suppressed']);
    expect(cells(/^Mastermind attendees/)).toEqual(['6', '20']);
    expect(cells(/^Workshop places taken of those offered/)).toEqual(['75 %', '80 %']);
    const glasgow = screen.getByRole('row', { name: /Glasgow/ });
    expect(within(glasgow).getByText('Suppressed')).toHaveAccessibleDescription(/fewer than 5 people/);
    expect(screen.getByRole('row', { name: /Cardiff/ })).toHaveTextContent('7');
  });
});

describe('names from the answer, past the first page of any list', () => {
  const partners = Array.from({ length: 120 }, (_, i) => ({ id: `p${i}`, name: `Partner hospital ${i}` }));

  it('names both ends of every collaboration pair from its references, 120 partners and one unnamed', () => {
    const overview: Overview = {
      institutionId: 'home',
      suppressionThreshold: 5,
      figures: [],
      rates: [],
      groupMentoring: {
        workshopsHeld: NO_GROUP_FIGURE,
        workshopPlaces: NO_GROUP_FIGURE,
        workshopPlacesTaken: NO_GROUP_FIGURE,
        workshopWaitlisted: NO_GROUP_FIGURE,
        workshopFill: null,
        networkWorkshopFill: null,
        mastermindAttendees: NO_GROUP_FIGURE,
      },
      collaboration: [
        ...partners.map((partner) => edge('home', 'Leeds', partner.id, partner.name, 5)),
        // membership could not name this one: the pair still shows, in words
        edge('home', 'Leeds', 'gone', null, 6),
      ],
    };
    renderIn(<OverviewSection overview={overview} scopeName="Leeds" />);
    const region = screen.getByRole('region', { name: 'Collaboration network' });
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(121);
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Leeds', 'Partner hospital 0', '5']);
    expect(within(rows[119] as HTMLElement).getAllByRole('cell')[1]).toHaveTextContent(
      'Partner hospital 119',
    );
    expect(within(rows[120] as HTMLElement).getAllByRole('cell')[1]).toHaveTextContent('An institution');
    expect(within(region).queryByText(/^p\d+$/)).not.toBeInTheDocument();
    // the graph labels each institution once, by the same names
    expect(region.querySelectorAll('svg text')).toHaveLength(122);
    expect(within(region).getAllByText('Partner hospital 119')).toHaveLength(2);
  });

  it('names every row of the institution split from its reference, 120 institutions', () => {
    const split = funnel();
    const bucket = split.buckets[0] as Funnel['buckets'][number];
    const steps = bucket.steps;
    render(
      <MantineProvider theme={theme} env="test">
        <FunnelSection
          funnel={{
            ...split,
            splitBy: 'INSTITUTION',
            buckets: [
              {
                ...bucket,
                groups: [
                  ...partners.map((partner) => ({ group: partner.id, institution: partner, steps })),
                  { group: 'gone', institution: null, steps },
                ],
              },
            ],
          }}
          scopeName="Network"
          chosen={null}
          onChoose={() => undefined}
        />
      </MantineProvider>,
    );
    const table = screen.getByRole('table', { name: '2026-11' });
    expect(within(table).getByRole('row', { name: /^Partner hospital 0 / })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^Partner hospital 119 / })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^An institution / })).toBeInTheDocument();
    expect(within(table).queryByRole('row', { name: /^p\d+ / })).not.toBeInTheDocument();
  });
});
