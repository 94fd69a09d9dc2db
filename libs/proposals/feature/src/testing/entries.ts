import { executeOk, type Caller, type SubgraphHarness } from '@praxis/platform/testing';

const CREATE = `mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { id } }`;
const SAVE = `mutation($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { id } }`;

/** An OPEN competition with one criterion, taking entries for the next hour and judged in the hour after. */
export async function openCompetition(
  subgraph: SubgraphHarness,
  admin: Caller,
  input: { title: string; judgeMaxLoad: number },
): Promise<string> {
  const created = await executeOk<{ createCompetition: { id: string } }>(subgraph, admin, CREATE, {
    input: {
      ...input,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      judgingEndsAt: new Date(Date.now() + 7_200_000).toISOString(),
      criteria: [{ name: 'Quality', weight: 1, scaleMin: 1, scaleMax: 5 }],
      reviewsPerEntry: 1,
      winnersCount: 1,
      eligibility: { maxTeamSize: 5 },
    },
  });
  const id = created.createCompetition.id;
  await executeOk(subgraph, admin, 'mutation($id: ID!) { openCompetition(id: $id) { id } }', { id });
  return id;
}

/** A submitted entry whose lead (the first of `team`, who saves and submits it) invites the rest of the team. */
export async function submitEntry(
  subgraph: SubgraphHarness,
  competitionId: string,
  title: string,
  team: [string, ...string[]],
): Promise<string> {
  const lead = { memberId: team[0] };
  const saved = await executeOk<{ saveProposalDraft: { id: string } }>(subgraph, lead, SAVE, {
    input: {
      competitionId,
      title,
      summary: 'A summary',
      aims: 'Aims',
      methods: 'Methods',
      expectedImpact: 'Impact',
      leadApplicantId: team[0],
      teamMemberIds: team,
    },
  });
  const id = saved.saveProposalDraft.id;
  await executeOk(subgraph, lead, 'mutation($id: ID!) { submitProposal(id: $id) { id } }', { id });
  return id;
}

/** Closes submissions a second ago (keeping the hour of judging) and starts judging, as the admin. */
export async function startJudging(
  subgraph: SubgraphHarness,
  admin: Caller,
  competitionId: string,
): Promise<void> {
  await executeOk(
    subgraph,
    admin,
    `mutation($id: ID!, $input: CompetitionDatesInput!) { updateCompetitionDates(id: $id, input: $input) { id } }`,
    {
      id: competitionId,
      input: {
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() - 1_000).toISOString(),
        judgingEndsAt: new Date(Date.now() + 7_200_000).toISOString(),
      },
    },
  );
  await executeOk(subgraph, admin, 'mutation($id: ID!) { startJudging(id: $id) { id } }', {
    id: competitionId,
  });
}
