import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import DashboardPage from './dashboard-page';
import { MetricsSection } from './metrics-section';
import {
  DashboardLeadInstitutionsDocument,
  EngagementFunnelDocument,
  EngagementMetricsDocument,
  EngagementOverviewDocument,
} from './operations';

const lead = {
  id: 'lead-1',
  displayName: 'Lena',
  roles: [
    { role: 'MEMBER' as const, institutionId: null },
    { role: 'LEAD' as const, institutionId: 'home' },
  ],
};
const any = () => true;
const institution = (id: string, name: string) => ({ __typename: 'Institution', id, name });
const count = {
  __typename: 'OverviewCount',
  count: 0,
  suppressed: false,
  networkCount: 0,
  networkSuppressed: false,
};

/** A lead's dashboard, GraphQL answered as the gateway answers it: names on the references membership resolved. */
function mocks(atRiskError: boolean) {
  return [
    {
      request: { query: DashboardLeadInstitutionsDocument },
      result: {
        data: {
          me: {
            __typename: 'Member',
            id: 'lead-1',
            roles: [
              { __typename: 'RoleGrant', role: 'MEMBER', institutionId: null, institution: null },
              {
                __typename: 'RoleGrant',
                role: 'LEAD',
                institutionId: 'home',
                institution: institution('home', 'Leeds Teaching Hospitals'),
              },
            ],
          },
        },
      },
    },
    {
      request: { query: EngagementFunnelDocument, variables: any },
      result: {
        data: {
          engagementFunnel: {
            __typename: 'EngagementFunnel',
            institutionId: 'home',
            granularity: 'MONTH',
            splitBy: 'NONE',
            suppressionThreshold: 5,
            buckets: [],
          },
        },
      },
    },
    {
      request: { query: EngagementOverviewDocument, variables: any },
      result: {
        data: {
          engagementOverview: {
            __typename: 'EngagementOverview',
            institutionId: 'home',
            suppressionThreshold: 5,
            figures: [],
            rates: [],
            groupMentoring: {
              __typename: 'GroupMentoringOverview',
              workshopsHeld: count,
              workshopPlaces: count,
              workshopPlacesTaken: count,
              workshopWaitlisted: count,
              workshopFill: null,
              networkWorkshopFill: null,
              mastermindAttendees: count,
            },
            collaboration: [
              {
                __typename: 'CollaborationEdge',
                institutionAId: 'home',
                institutionBId: 'p150',
                institutionA: institution('home', 'Leeds Teaching Hospitals'),
                institutionB: institution('p150', 'Hospital 150 of the network'),
                proposals: 6,
              },
            ],
          },
        },
      },
    },
    {
      request: { query: EngagementMetricsDocument, variables: any },
      result: {
        // membership could not name the second member: the gateway nulls that reference and says why beside it
        ...(atRiskError
          ? {
              errors: [
                { message: 'membership: not found', path: ['engagementFunding', 'atRisk', 1, 'member'] },
              ],
            }
          : {}),
        data: {
          engagementProgrammes: {
            __typename: 'EngagementProgrammes',
            institutionId: 'home',
            suppressionThreshold: 5,
            buckets: [],
          },
          engagementFunding: {
            __typename: 'EngagementFunding',
            institutionId: 'home',
            suppressionThreshold: 5,
            buckets: [],
            atRisk: [
              {
                __typename: 'ProtectedTimeAtRisk',
                memberId: 'm-240',
                episodeStartedWeek: '2026-W06',
                member: { __typename: 'Member', id: 'm-240', displayName: 'Dr Member Two-Forty' },
              },
              {
                __typename: 'ProtectedTimeAtRisk',
                memberId: 'm-241',
                episodeStartedWeek: '2026-W07',
                member: atRiskError ? null : { __typename: 'Member', id: 'm-241', displayName: 'Dr Bo' },
              },
            ],
          },
        },
      },
    },
  ];
}

describe("the lead dashboard names what it shows from the answers' references", () => {
  it("names the lead's institution from their role, the collaboration pair and the members at risk from the answers", async () => {
    renderPage(<DashboardPage />, mocks(false), lead, '/dashboard');
    const atRisk = await screen.findByRole('region', { name: 'Protected time at risk' });
    expect(
      within(atRisk)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Dr Member Two-Forty, since 2026-W06', 'Dr Bo, since 2026-W07']);
    const pairs = await screen.findByRole('region', { name: 'Collaboration network' });
    const row = within(pairs).getAllByRole('row')[1] as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Leeds Teaching Hospitals', 'Hospital 150 of the network', '6']);
    // the lead's own institution heads the figures, named on their role (no list of institutions asked)
    expect(await screen.findAllByRole('columnheader', { name: 'Leeds Teaching Hospitals' })).not.toHaveLength(
      0,
    );
  });

  it('keeps the figures when membership cannot name a member, and says "A member" for that one', async () => {
    renderPage(<DashboardPage />, mocks(true), lead, '/dashboard');
    const atRisk = await screen.findByRole('region', { name: 'Protected time at risk' });
    expect(
      within(atRisk)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Dr Member Two-Forty, since 2026-W06', 'A member, since 2026-W07']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('still says in words when the figures themselves are refused', async () => {
    const refused = mocks(false).map((mock) =>
      mock.request.query === EngagementMetricsDocument
        ? {
            ...mock,
            result: {
              data: null,
              errors: [
                {
                  message: 'you may see the figures of the institution you lead only',
                  extensions: { code: 'FORBIDDEN' },
                },
              ],
            },
          }
        : mock,
    );
    renderPage(<DashboardPage />, refused, lead, '/dashboard');
    expect(await screen.findByRole('alert')).toHaveTextContent(/.+/);
    expect(screen.queryByRole('region', { name: 'Protected time at risk' })).not.toBeInTheDocument();
  });
});

describe('money per fund', () => {
  // without `fund` when the query does not ask for it (a lead)
  const money = (fund?: { __typename: 'Fund'; id: string; name: string }) => ({
    __typename: 'FundMoneyFigure',
    measure: 'AWARDED',
    fundId: 'f-150',
    ...(fund === undefined ? {} : { fund }),
    currency: 'GBP',
    amount: { __typename: 'Money', amountMinor: 570_000, currency: 'GBP' },
    suppressed: false,
    networkAmount: null,
    networkSuppressed: true,
  });
  const answer = (row: ReturnType<typeof money>) => ({
    data: {
      engagementProgrammes: {
        __typename: 'EngagementProgrammes',
        institutionId: null,
        suppressionThreshold: 5,
        buckets: [],
      },
      engagementFunding: {
        __typename: 'EngagementFunding',
        institutionId: null,
        suppressionThreshold: 5,
        buckets: [{ __typename: 'FundingBucket', label: '2026-Q1', figures: [], rates: [], money: [row] }],
        atRisk: [],
      },
    },
  });
  const input = {
    institutionId: null,
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-04-01T00:00:00.000Z',
    granularity: 'QUARTER' as const,
  };

  it("names an admin's fund from the row's reference (no list of funds), and shows others the currency", async () => {
    const admin = {
      id: 'admin-1',
      displayName: 'Ada',
      roles: [{ role: 'ADMIN' as const, institutionId: null }],
    };
    renderPage(
      <MetricsSection input={input} bucketLabel={null} scopeName="Whole network" />,
      [
        {
          request: {
            query: EngagementMetricsDocument,
            variables: { input, byStage: false, namedFunds: true },
          },
          result: answer(money({ __typename: 'Fund', id: 'f-150', name: 'Fund 150 of the office' })),
        },
      ],
      admin,
    );
    expect(
      await screen.findByRole('rowheader', { name: 'Awarded (Fund 150 of the office)' }),
    ).toBeInTheDocument();
  });

  it('does not ask for fund names for a lead, who sees the currency', async () => {
    renderPage(
      <MetricsSection input={{ ...input, institutionId: 'home' }} bucketLabel={null} scopeName="Leeds" />,
      [
        {
          request: {
            query: EngagementMetricsDocument,
            variables: { input: { ...input, institutionId: 'home' }, byStage: false, namedFunds: false },
          },
          result: answer(money()),
        },
      ],
      lead,
    );
    expect(await screen.findByRole('rowheader', { name: 'Awarded (GBP)' })).toBeInTheDocument();
  });
});
