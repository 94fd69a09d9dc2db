import { eventually, inParallel, type DemoSession } from './client';
import { DemoRandom } from './random';
import type { DemoCompetition, DemoTeam } from './plan';
import type { DemoProgress } from './progress';

export interface DemoCompetitionSummary {
  id: string;
  title: string;
  entries: number;
  judges: number;
  reviews: number;
  /**
   * Best first, as published, with what funding offered each (in GBP minor units) and how, the supervisor the
   * admin confirmed (null when mentorship had no mentor to propose) and the award's status once its lead accepted.
   */
  winners: Array<{
    rank: number;
    title: string;
    proposalId: string;
    offeredMinor: number;
    outcome: string;
    supervisorId: string | null;
    awardStatus: string | null;
    /** Funding's award (null when the competition's money did not reach the winner). */
    awardId: string | null;
    /** The plan key of the team's lead, the award's principal investigator. */
    leadKey: string | null;
  }>;
}

const CREATE = `mutation DemoCompetition($input: CreateCompetitionInput!) {
  createCompetition(input: $input) { id title opensAt judgingEndsAt criteria { id scaleMin scaleMax } }
}`;
const CREATE_FUND = `mutation DemoFund($input: CreateFundInput!) { createFund(input: $input) { id } }`;
const OUTCOMES = `query DemoOutcomes($id: ID!) {
  competitionFundingOutcomes(competitionId: $id) {
    proposalId outcome offered { amountMinor } awardId principalInvestigator { id }
  }
}`;
const SUPERVISION = `query DemoSupervision {
  supervisionProposals(first: 100) { edges { node { id proposalId status mentor { id } } } }
}`;
const CONFIRM_SUPERVISION = `mutation DemoConfirmSupervision($id: ID!) {
  confirmSupervision(id: $id) { status mentor { id } }
}`;
const ACCEPT_AWARD = `mutation DemoAcceptAward($id: ID!) { acceptAward(id: $id) { status } }`;
const AWARD = `query DemoAward($id: ID!) { award(id: $id) { status supervisor { id } } }`;
const OPEN = `mutation DemoOpen($id: ID!) { openCompetition(id: $id) { phase } }`;
const TO_CONFIRM = `query DemoToConfirm($after: String) {
  registrationsToConfirm(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id member { id } } }
  }
}`;
const CONFIRM = `mutation DemoConfirm($id: ID!) { confirmRegistration(id: $id) { status } }`;
const DRAFT = `mutation DemoDraft($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { id } }`;
const ACCEPT = `mutation DemoAcceptInvitation($id: ID!) { acceptTeamInvitation(proposalId: $id) { status } }`;
const SUBMIT = `mutation DemoSubmit($id: ID!) { submitProposal(id: $id) { status } }`;
const DATES = `mutation DemoDates($id: ID!, $input: CompetitionDatesInput!) {
  updateCompetitionDates(id: $id, input: $input) { closesAt }
}`;
const START_JUDGING = `mutation DemoStartJudging($id: ID!) { startJudging(id: $id) { phase } }`;
const ADD_JUDGE = `mutation DemoAddJudge($id: ID!, $memberId: ID!) { addJudge(competitionId: $id, memberId: $memberId) { addedAt } }`;
const ASSIGN = `mutation DemoAssign($id: ID!) { assignJudges(competitionId: $id) { assignments { proposalId judgeId } } }`;
const MY_ASSIGNMENTS = `query DemoMyAssignments($id: ID!) {
  myAssignments(competitionId: $id, first: 100) { edges { node { proposalId } } }
}`;
const SCORE = `mutation DemoScore($input: SubmitScoresInput!) { submitScores(input: $input) { proposalId } }`;
const PUBLISH = `mutation DemoPublish($id: ID!) { publishResults(competitionId: $id) { phase } }`;
const RANKING = `query DemoRanking($id: ID!) {
  competitionRanking(competitionId: $id) { entries(first: 100) { edges { node { rank title proposalId isWinner } } } }
}`;

const DAY = 86_400_000;
const COMMENTS = [
  'A clear question; say more about how you will recruit at both schools.',
  'Feasible in a year. The analysis plan needs a named method.',
  'Good use of the two sites; consider ethics approval early.',
  'Important topic. Narrow the outcome measures.',
];

/**
 * The research competition, as its people run it on the real clock (proposals has no test clock): the admin
 * creates it (rubric, tags of the community that lists it, inter-institutional teams of students) and opens it,
 * and confirms the entrants' registrations (eligibility counts only confirmed schools and career stages);
 * each team's lead drafts a proposal naming a partner from another school, the partner accepts the invitation and
 * the lead submits; the admin moves the closing date to now (`updateCompetitionDates`: the call closed), starts
 * judging, adds the judges and runs the assignment; each judge scores what they were given (seeded scores around
 * each project's planned strength); the admin publishes the results. Funding offers the winners their awards and
 * mentorship proposes supervisors from proposals' results event: the admin confirms each supervisor and each
 * winning lead accepts the award, which then names the supervisor; community lists the competition by its tags.
 */
export async function loadCompetition(
  plan: DemoCompetition,
  teams: readonly DemoTeam[],
  people: { admin: DemoSession; session: (key: string) => DemoSession },
  options: { opensAt: Date; seed: string },
  progress: DemoProgress,
): Promise<DemoCompetitionSummary> {
  const { admin, session } = people;
  const now = Date.now();
  const judgingEndsAt = new Date(now + 14 * DAY).toISOString();
  const judgeMaxLoad = Math.ceil((teams.length * plan.reviewsPerEntry) / Math.max(1, plan.judges.length)) + 1;
  const { createCompetition: competition } = await progress.step('Research competition', 1, async (tick) => {
    const created = await admin.request<{
      createCompetition: {
        id: string;
        title: string;
        opensAt: string;
        criteria: Array<{ id: string; scaleMin: number; scaleMax: number }>;
      };
    }>(CREATE, {
      input: {
        title: plan.title,
        description: plan.description,
        tags: plan.tags,
        opensAt: options.opensAt.toISOString(),
        // open for the entries below; the admin closes it once they are in
        closesAt: new Date(now + DAY).toISOString(),
        judgingEndsAt,
        criteria: plan.criteria,
        reviewsPerEntry: plan.reviewsPerEntry,
        judgeMaxLoad,
        blind: true,
        winnersCount: plan.winnersCount,
        eligibility: {
          requiresInterInstitutionalTeam: true,
          maxTeamSize: 3,
          allowedCareerStages: ['MEDICAL_STUDENT'],
        },
        currency: 'GBP',
        fundingAvailableMoney: plan.fundingAvailable,
        protectedHoursAvailable: plan.protectedHoursAvailable,
      },
    });
    // the fund that pays the winners: funding offers their awards against it when results are published
    await admin.request(CREATE_FUND, {
      input: {
        name: `${plan.title}: awards`,
        source: 'Medical education research community',
        total: plan.fundingAvailable,
        competitionId: created.createCompetition.id,
      },
    });
    await admin.request(OPEN, { id: created.createCompetition.id });
    tick();
    return created;
  });

  // eligibility counts only confirmed institutions and career stages: the admin confirms the entrants'
  // registrations (proposals hears of each from membership's events, so submitting retries until it has)
  const entrantIds = new Set(
    teams.flatMap((team) => [session(team.lead).memberId, session(team.partner).memberId]),
  );
  // every page first, then the decisions (confirming while paging would move the pages under the cursor)
  const registrations: Array<{ id: string; member: { id: string } }> = [];
  for (let after: string | null = null, more = true; more;) {
    const {
      registrationsToConfirm: page,
    }: {
      registrationsToConfirm: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: Array<{ node: { id: string; member: { id: string } } }>;
      };
    } = await admin.request(TO_CONFIRM, { after });
    registrations.push(...page.edges.map((edge) => edge.node));
    ({ hasNextPage: more, endCursor: after } = page.pageInfo);
  }
  const toConfirm = registrations.filter((registration) => entrantIds.has(registration.member.id));
  await progress.step('Entrants confirmed', toConfirm.length, (tick) =>
    inParallel(toConfirm, 2, async (registration) => {
      await admin.request(CONFIRM, { id: registration.id });
      tick();
    }),
  );

  const entries = await progress.step('Competition entries', teams.length, (tick) =>
    inParallel(teams, 2, async ({ lead, partner, project }) => {
      // the lead and partner reach proposals' replica through membership's events
      const { saveProposalDraft } = await eventually(`${lead} drafts a proposal`, () =>
        session(lead).request<{ saveProposalDraft: { id: string } }>(DRAFT, {
          input: {
            competitionId: competition.id,
            title: project.title,
            summary: project.summary,
            aims: 'To find out what works, for whom, at two medical schools, and to share it.',
            methods: 'Mixed methods: a survey at both schools and interviews with a purposive sample.',
            expectedImpact: 'Changes our schools can make next year, and a conference abstract.',
            keywords: project.keywords,
            leadApplicantId: session(lead).memberId,
            teamMemberIds: [session(partner).memberId],
            requestedFunding: project.requestedFunding,
            requestedHours: project.requestedHours,
          },
        }),
      );
      await eventually(`${partner} joins the team`, () =>
        session(partner).request(ACCEPT, { id: saveProposalDraft.id }),
      );
      await eventually(`${lead} submits (once proposals knows the team is confirmed)`, () =>
        session(lead).request(SUBMIT, { id: saveProposalDraft.id }),
      );
      tick();
      return { proposalId: saveProposalDraft.id, project };
    }),
  );

  // the call closes now (entries are in), judging starts
  await admin.request(DATES, {
    id: competition.id,
    input: {
      opensAt: competition.opensAt,
      closesAt: new Date(Date.now() - 1000).toISOString(),
      judgingEndsAt,
    },
  });
  await admin.request(START_JUDGING, { id: competition.id });
  await progress.step('Judges added', plan.judges.length, (tick) =>
    inParallel(plan.judges, 2, async (key) => {
      // the judge role reaches proposals through membership's events
      await eventually(`add judge ${key}`, () =>
        admin.request(ADD_JUDGE, { id: competition.id, memberId: session(key).memberId }),
      );
      tick();
    }),
  );
  const { assignJudges } = await admin.request<{
    assignJudges: { assignments: Array<{ proposalId: string; judgeId: string }> };
  }>(ASSIGN, { id: competition.id });

  const strengthOf = new Map(entries.map((entry) => [entry.proposalId, entry.project.strength]));
  await progress.step('Scores submitted', assignJudges.assignments.length, (tick) =>
    inParallel(plan.judges, 2, async (key) => {
      const judge = session(key);
      const { myAssignments } = await judge.request<{
        myAssignments: { edges: Array<{ node: { proposalId: string } }> };
      }>(MY_ASSIGNMENTS, { id: competition.id });
      for (const { node } of myAssignments.edges) {
        const random = new DemoRandom(`${options.seed}:scores:${node.proposalId}:${key}`);
        const strength = strengthOf.get(node.proposalId) ?? 0.5;
        await judge.request(SCORE, {
          input: {
            proposalId: node.proposalId,
            scores: competition.criteria.map((criterion) => {
              const span = criterion.scaleMax - criterion.scaleMin;
              const value = Math.round(criterion.scaleMin + span * strength + (random.next() - 0.5) * 1.5);
              return {
                criterionId: criterion.id,
                value: Math.min(criterion.scaleMax, Math.max(criterion.scaleMin, value)),
              };
            }),
            comment: random.pick(COMMENTS),
          },
        });
        tick();
      }
    }),
  );
  await admin.request(PUBLISH, { id: competition.id });
  const { competitionRanking } = await admin.request<{
    competitionRanking: {
      entries: {
        edges: Array<{ node: { rank: number; title: string; proposalId: string; isWinner: boolean } }>;
      };
    };
  }>(RANKING, { id: competition.id });
  const winners = competitionRanking.entries.edges.map((edge) => edge.node).filter((entry) => entry.isWinner);
  // funding reads the results from proposals' event: wait until it has offered every winner an award
  const outcomes = await progress.step('Awards offered to the winners', winners.length, async (tick) => {
    const offered = await eventually('funding offers the winners their awards', async () => {
      const { competitionFundingOutcomes } = await admin.request<{
        competitionFundingOutcomes: Array<{
          proposalId: string;
          outcome: string;
          offered: { amountMinor: number };
          awardId: string | null;
          principalInvestigator: { id: string };
        }>;
      }>(OUTCOMES, { id: competition.id });
      if (competitionFundingOutcomes.length < winners.length) throw new Error('not yet');
      return competitionFundingOutcomes;
    });
    winners.forEach(tick);
    return new Map(offered.map((outcome) => [outcome.proposalId, outcome]));
  });

  // mentorship proposes a supervisor for each winner's lead from proposals' results event; the admin confirms
  // each, which starts the SUPERVISION relationship that funding then records on the award
  const winnerIds = new Set(winners.map((winner) => winner.proposalId));
  const supervisors = await progress.step('Supervisors confirmed', winners.length, async (tick) => {
    const proposals = await eventually('mentorship proposes the winners’ supervisors', async () => {
      const { supervisionProposals } = await admin.request<{
        supervisionProposals: {
          edges: Array<{
            node: { id: string; proposalId: string; status: string; mentor: { id: string } | null };
          }>;
        };
      }>(SUPERVISION);
      const found = supervisionProposals.edges
        .map((edge) => edge.node)
        .filter((proposal) => winnerIds.has(proposal.proposalId));
      if (found.length < winners.length) throw new Error('not yet');
      return found;
    });
    const confirmed = new Map<string, string | null>();
    for (const proposal of proposals) {
      if (proposal.status === 'PROPOSED' && proposal.mentor) {
        const { confirmSupervision } = await admin.request<{
          confirmSupervision: { mentor: { id: string } | null };
        }>(CONFIRM_SUPERVISION, { id: proposal.id });
        confirmed.set(proposal.proposalId, confirmSupervision.mentor?.id ?? null);
      } else {
        confirmed.set(
          proposal.proposalId,
          proposal.status === 'CONFIRMED' ? (proposal.mentor?.id ?? null) : null,
        );
      }
      tick();
    }
    return confirmed;
  });

  // each winning team's lead accepts the award; funding links the confirmed supervisor to it from mentorship's
  // relationship-started event (budget lines and activation stay the admin's, as in real life)
  const awardStatus = await progress.step('Awards accepted', winners.length, async (tick) => {
    const statuses = new Map<string, string>();
    for (const winner of winners) {
      const outcome = outcomes.get(winner.proposalId);
      const team = teams.find(
        (candidate) => session(candidate.lead).memberId === outcome?.principalInvestigator.id,
      );
      if (!outcome?.awardId || !team) continue;
      await session(team.lead).request(ACCEPT_AWARD, { id: outcome.awardId });
      const supervisorId = supervisors.get(winner.proposalId) ?? null;
      const awardId = outcome.awardId;
      const { award } = await eventually('funding records the winner’s supervisor on the award', async () => {
        const answer = await admin.request<{ award: { status: string; supervisor: { id: string } | null } }>(
          AWARD,
          { id: awardId },
        );
        if (supervisorId && answer.award.supervisor?.id !== supervisorId) throw new Error('not yet');
        return answer;
      });
      statuses.set(winner.proposalId, award.status);
      tick();
    }
    return statuses;
  });
  return {
    id: competition.id,
    title: competition.title,
    entries: entries.length,
    judges: plan.judges.length,
    reviews: assignJudges.assignments.length,
    winners: winners.map(({ rank, title, proposalId }) => ({
      rank,
      title,
      proposalId,
      offeredMinor: outcomes.get(proposalId)?.offered.amountMinor ?? 0,
      outcome: outcomes.get(proposalId)?.outcome ?? 'NONE',
      supervisorId: supervisors.get(proposalId) ?? null,
      awardStatus: awardStatus.get(proposalId) ?? null,
      awardId: outcomes.get(proposalId)?.awardId ?? null,
      leadKey:
        teams.find(
          (team) => session(team.lead).memberId === outcomes.get(proposalId)?.principalInvestigator.id,
        )?.lead ?? null,
    })),
  };
}
