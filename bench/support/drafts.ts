/** A competition open for entries and a draft's input: what `saveProposalDraft` benchmarks and profiles send. */
import { gqlOk } from './bench-platform';

export const SAVE_DRAFT =
  'mutation S($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { id status } }';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** A competition created and opened by the organiser, its entries open for ten hours. */
export async function openCompetition(gateway: string, adminToken: string): Promise<string> {
  const created = await gqlOk<{ createCompetition: { id: string } }>(
    gateway,
    'mutation C($input: CreateCompetitionInput!) { createCompetition(input: $input) { id } }',
    {
      input: {
        title: 'Bench prize',
        description: 'Write throughput',
        opensAt: minutes(-1),
        closesAt: minutes(600),
        judgingEndsAt: minutes(1200),
        criteria: [{ name: 'Originality', guidance: 'New?', weight: 1, scaleMin: 1, scaleMax: 5 }],
        reviewsPerEntry: 2,
        judgeMaxLoad: 3,
        blind: false,
        winnersCount: 1,
        eligibility: { requiresInterInstitutionalTeam: false, maxTeamSize: 3 },
        fundingAvailableMoney: { amountMinor: 2_000_000, currency: 'GBP' },
        protectedHoursAvailable: 120,
      },
    },
    adminToken,
  );
  const id = created.createCompetition.id;
  await gqlOk(gateway, 'mutation O($id: ID!) { openCompetition(id: $id) { id } }', { id }, adminToken);
  return id;
}

/** A new draft by `memberId` (the lead, alone on the team) in the competition: each save makes another. */
export function draftInput(competitionId: string, memberId: string) {
  return {
    competitionId,
    title: 'Simulation for teaching handover',
    summary: 'A summary of the project',
    aims: 'Some aims',
    methods: 'Mixed methods',
    expectedImpact: 'Better teaching',
    keywords: ['simulation', 'handover'],
    leadApplicantId: memberId,
    teamMemberIds: [],
    requestedFunding: 5000,
    requestedHours: 40,
  };
}
