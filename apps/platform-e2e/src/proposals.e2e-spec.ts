import { randomUUID } from 'node:crypto';
import {
  CompetitionResultsPublishedV2,
  parseEvent,
  ProposalSubmittedV1,
  ReviewSubmittedV1,
} from '@praxis/contracts';
import { collectTopic, testBrokers, waitFor } from '@praxis/platform/testing';
import {
  adminSession,
  awaitingReplication,
  confirmRegistration,
  gql,
  gqlOk,
  nodes,
  type Page,
  type GraphQLResponse,
} from './support/platform';

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token member { id } } }`;
const CREATE_COMPETITION = `mutation C($input: CreateCompetitionInput!) { createCompetition(input: $input) { id phase criteria { id name } } }`;
const SAVE_DRAFT = `mutation S($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { id status submittedVersion } }`;
const SUBMIT = `mutation S($id: ID!, $named: [NamedConflictInput!]) { submitProposal(id: $id, conflictedJudges: $named) { id status submittedVersion } }`;
const SCORE = `mutation S($input: SubmitScoresInput!) { submitScores(input: $input) { proposalId review { scores { criterionId value } comment } } }`;
const ASSIGNED = `query A($id: ID!) { assignedProposal(proposalId: $id) { proposalId title team { id } review { scores { value } } } }`;
const PHASE = (name: string) =>
  `mutation P($id: ID!) { ${name}(${name === 'publishResults' ? 'competitionId' : 'id'}: $id) { id phase } }`;

interface Person {
  id: string;
  token: string;
  name: string;
}

type ErrorOf = NonNullable<GraphQLResponse<unknown>['errors']>[number] & {
  extensions?: {
    code?: string;
    rule?: string;
    reason?: string;
    failures?: Array<{ rule: string; message?: string; memberIds?: string[] }>;
  };
};

function firstError(response: GraphQLResponse<unknown>): ErrorOf {
  expect(response.errors?.length).toBeGreaterThan(0);
  return (response.errors as ErrorOf[])[0];
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** weight 2 on a 1–5 scale, weight 1 on a 0–10 scale: total = (2·(v1−1)/4 + v2/10) / 3 × 100 */
const CRITERIA = [
  { name: 'Originality', guidance: 'Is the question new?', weight: 2, scaleMin: 1, scaleMax: 5 },
  { name: 'Feasibility', guidance: 'Can it be done?', weight: 1, scaleMin: 0, scaleMax: 10 },
];

describe('proposals through the gateway', () => {
  let submitted: Awaited<ReturnType<typeof collectTopic>>;
  let reviews: Awaited<ReturnType<typeof collectTopic>>;
  let results: Awaited<ReturnType<typeof collectTopic>>;
  // signs in again before the token expires: a suite can outlast the 5 minutes one token lives
  const admin = adminSession();
  const institutions: Record<string, { id: string; name: string }> = {};
  const people: Record<string, Person> = {};
  /** The blind competition's entry judge2 is assigned to, for the revocation test after it. */
  let judge2Entry: { competitionId: string; proposalId: string } | null = null;

  async function register(
    name: string,
    institution: string,
    careerStage = 'RESIDENT',
    interests: string[] = [],
  ) {
    const email = `${name}.${Date.now()}@example.ac.uk`;
    const result = await gqlOk<{ register: { token: string; member: { id: string } } }>(REGISTER, {
      input: {
        email,
        password: 'a long enough passphrase 7',
        displayName: `${name} Person`,
        careerStage,
        institutionId: institutions[institution].id,
        interests,
      },
    });
    people[name] = { id: result.register.member.id, token: result.register.token, name: `${name} Person` };
    // a lead or an admin confirms who they are, or their institution and stage count for no competition
    await confirmRegistration(people[name].id, admin);
    return people[name];
  }

  async function createCompetition(overrides: Record<string, unknown> = {}) {
    const result = await gqlOk<{ createCompetition: { id: string; phase: string } }>(
      CREATE_COMPETITION,
      {
        input: {
          title: 'Medical education research prize',
          description: 'Projects that improve how clinicians learn',
          opensAt: minutes(-1),
          closesAt: minutes(60),
          judgingEndsAt: minutes(120),
          criteria: CRITERIA,
          reviewsPerEntry: 2,
          judgeMaxLoad: 3,
          blind: false,
          winnersCount: 1,
          eligibility: {
            requiresInterInstitutionalTeam: true,
            maxTeamSize: 3,
            allowedCareerStages: ['RESIDENT', 'CONSULTANT'],
          },
          fundingAvailableMoney: { amountMinor: 2_000_000, currency: 'GBP' },
          protectedHoursAvailable: 120,
          ...overrides,
        },
      },
      admin,
    );
    expect(result.createCompetition.phase).toBe('DRAFT');
    return result.createCompetition.id;
  }

  /** Everyone invited who has an account here accepts (a stranger's id never can). */
  async function acceptInvitations(proposalId: string, memberIds: string[]) {
    for (const person of Object.values(people).filter((p) => memberIds.includes(p.id))) {
      await gqlOk(
        `mutation($p: ID!) { acceptTeamInvitation(proposalId: $p) { status } }`,
        { p: proposalId },
        person.token,
      );
    }
  }

  async function draft(
    owner: Person,
    competitionId: string,
    lead: Person,
    team: string[],
    extra = {},
    accept = true,
  ) {
    const result = await gqlOk<{ saveProposalDraft: { id: string; status: string } }>(
      SAVE_DRAFT,
      {
        input: {
          competitionId,
          title: `Proposal led by ${lead.name}`,
          summary: 'A summary',
          aims: 'Some aims',
          methods: 'Mixed methods',
          expectedImpact: 'Better teaching',
          keywords: ['simulation'],
          leadApplicantId: lead.id,
          teamMemberIds: team,
          requestedFunding: 5000,
          requestedHours: 40,
          ...extra,
        },
      },
      owner.token,
    );
    expect(result.saveProposalDraft.status).toBe('DRAFT');
    if (accept) {
      await acceptInvitations(
        result.saveProposalDraft.id,
        [lead.id, ...team].filter((id) => id !== owner.id),
      );
    }
    return result.saveProposalDraft.id;
  }

  /** Registration reaches the proposals replica through Kafka; a fresh member may need a moment. */
  async function submitWhenReplicated(owner: Person, id: string, named: unknown[] = []) {
    return waitFor(
      async () => {
        const response = await gql<{ submitProposal: { status: string; submittedVersion: number } }>(
          SUBMIT,
          { id, named },
          owner.token,
        );
        if (response.errors) {
          if (awaitingReplication((response.errors[0] as ErrorOf).extensions?.failures ?? [])) return false;
          throw new Error(JSON.stringify(response.errors));
        }
        return response.data?.submitProposal;
      },
      { timeoutMs: 20000, intervalMs: 200, description: `submission of ${id}` },
    );
  }

  async function addJudge(competitionId: string, judge: Person) {
    await waitFor(
      async () => {
        const response = await gql(
          `mutation($c: ID!, $m: ID!) { addJudge(competitionId: $c, memberId: $m) { judge { id } } }`,
          { c: competitionId, m: judge.id },
          admin,
        );
        if (response.errors) {
          if (response.errors[0].extensions?.fields?.[0]?.rule === 'judgeRole') return false;
          throw new Error(JSON.stringify(response.errors));
        }
        return true;
      },
      { timeoutMs: 20000, intervalMs: 200, description: `judge ${judge.name} replicated` },
    );
  }

  async function score(judge: Person, proposalId: string, v1: number, v2: number, comment: string) {
    return gql(
      SCORE,
      {
        input: {
          proposalId,
          scores: [
            { criterionId: 'c1', value: v1 },
            { criterionId: 'c2', value: v2 },
          ],
          comment,
        },
      },
      judge.token,
    );
  }

  async function closeSubmissions(competitionId: string) {
    await gqlOk(
      `mutation($id: ID!, $input: CompetitionDatesInput!) { updateCompetitionDates(id: $id, input: $input) { id } }`,
      {
        id: competitionId,
        input: {
          opensAt: minutes(-2),
          closesAt: new Date(Date.now() - 1000).toISOString(),
          judgingEndsAt: minutes(120),
        },
      },
      admin,
    );
  }

  beforeAll(async () => {
    submitted = await collectTopic(testBrokers(), ProposalSubmittedV1.topic);
    reviews = await collectTopic(testBrokers(), ReviewSubmittedV1.topic);
    results = await collectTopic(testBrokers(), CompetitionResultsPublishedV2.topic);
    for (const key of ['I1', 'I2', 'I3', 'I4']) {
      const name = `Institution ${key} ${Date.now()}`;
      const created = await gqlOk<{ createInstitution: { id: string } }>(
        `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`,
        { input: { name, country: 'GB' } },
        admin,
      );
      institutions[key] = { id: created.createInstitution.id, name };
    }
    // judges: one per institution I1..I3, so each team below conflicts with exactly one of them
    await register('judge1', 'I1', 'CONSULTANT', ['simulation']);
    await register('judge2', 'I2', 'CONSULTANT', ['surgery', 'ethics']);
    await register('judge3', 'I3', 'CONSULTANT', ['simulation']);
    await register('judge4', 'I4', 'CONSULTANT', []);
    for (const judge of ['judge1', 'judge2', 'judge3', 'judge4']) {
      await gqlOk(
        `mutation($m: ID!) { grantRole(memberId: $m, role: JUDGE) { id } }`,
        { m: people[judge].id },
        admin,
      );
    }
    await register('alice', 'I1');
    await register('amir', 'I4');
    await register('bea', 'I2');
    await register('ben', 'I4', 'CONSULTANT');
    await register('cleo', 'I3');
    await register('student', 'I1', 'MEDICAL_STUDENT');
  });

  afterAll(async () => {
    await submitted?.stop();
    await reviews?.stop();
    await results?.stop();
  });

  it('refuses an invalid competition with every field and rule named', async () => {
    const response = await gql(
      CREATE_COMPETITION,
      {
        input: {
          title: 'Broken',
          opensAt: minutes(10),
          closesAt: minutes(5),
          judgingEndsAt: minutes(20),
          criteria: [{ name: 'Only', weight: 0, scaleMin: 5, scaleMax: 1 }],
          reviewsPerEntry: 0,
          judgeMaxLoad: 1,
          winnersCount: 1,
          eligibility: { maxTeamSize: 3 },
        },
      },
      admin,
    );
    const error = firstError(response);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields?.map((f) => f.field)).toContain('input.reviewsPerEntry');
    // the pipe stops at the shape; with a valid shape the domain reports dates and rubric together
    const domain = await gql(
      CREATE_COMPETITION,
      {
        input: {
          title: 'Broken',
          opensAt: minutes(10),
          closesAt: minutes(5),
          judgingEndsAt: minutes(20),
          criteria: [{ name: 'Only', weight: 0, scaleMin: 5, scaleMax: 1 }],
          reviewsPerEntry: 1,
          judgeMaxLoad: 1,
          winnersCount: 1,
          eligibility: { maxTeamSize: 3 },
        },
      },
      admin,
    );
    const fields = firstError(domain).extensions?.fields?.map((f) => `${f.field}:${f.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.closesAt:AFTER_OPENS_AT',
        'input.criteria[0].weight:POSITIVE',
        'input.criteria[0].scaleMax:GREATER_THAN_SCALE_MIN',
      ]),
    );
  });

  it('refuses illegal phase transitions with the rule that was broken', async () => {
    const id = await createCompetition({ opensAt: minutes(30), closesAt: minutes(60) });
    const cases: Array<[string, string]> = [
      ['startJudging', 'SKIPS_PHASE'],
      ['publishResults', 'SKIPS_PHASE'],
      ['openCompetition', 'BEFORE_OPENS_AT'],
    ];
    for (const [mutation, rule] of cases) {
      const error = firstError(await gql(PHASE(mutation), { id }, admin));
      expect([mutation, error.extensions?.code, error.extensions?.rule]).toEqual([
        mutation,
        'FAILED_PRECONDITION',
        rule,
      ]);
    }
    // only admins move phases
    expect(
      firstError(await gql(PHASE('cancelCompetition'), { id }, people.alice.token)).extensions?.code,
    ).toBe('FORBIDDEN');
    await gqlOk(PHASE('cancelCompetition'), { id }, admin);
    const terminal = firstError(await gql(PHASE('openCompetition'), { id }, admin));
    expect(terminal.extensions?.rule).toBe('TERMINAL_PHASE');
    // drafts and cancelled competitions: a member never sees the draft
    const seen = await gqlOk<{ competition: unknown }>(
      `query($id: ID!) { competition(id: $id) { id } }`,
      { id: await createCompetition() },
      people.alice.token,
    );
    expect(seen.competition).toBeNull();
  });

  it('runs a full competition from creation to published results with the expected ranking', async () => {
    const { alice, amir, bea, ben, cleo, student, judge1, judge2, judge3, judge4 } = people;
    const competitionId = await createCompetition();
    await gqlOk(PHASE('openCompetition'), { id: competitionId }, admin);
    const again = firstError(await gql(PHASE('openCompetition'), { id: competitionId }, admin));
    expect(again.extensions?.rule).toBe('SAME_PHASE');
    const early = firstError(await gql(PHASE('startJudging'), { id: competitionId }, admin));
    expect(early.extensions?.rule).toBe('BEFORE_CLOSES_AT');

    // eligibility: every failed rule is reported at once, counting accepted members only (the stranger, invited
    // without an account, never accepted and is not on the team)
    const stranger = randomUUID();
    const bad = await draft(student, competitionId, student, [alice.id, judge1.id, stranger]);
    const refused = await waitFor(
      async () => {
        const error = firstError(await gql(SUBMIT, { id: bad }, student.token));
        return !awaitingReplication(error.extensions?.failures ?? []) && error;
      },
      { timeoutMs: 20000, intervalMs: 200, description: 'the replica to know the team' },
    );
    expect(refused.extensions?.code).toBe('FAILED_PRECONDITION');
    expect(refused.extensions?.failures?.map((f) => f.rule).sort()).toEqual(
      ['CAREER_STAGE', 'INTER_INSTITUTIONAL'].sort(),
    );
    expect(refused.extensions?.failures?.find((f) => f.rule === 'CAREER_STAGE')?.memberIds).toEqual([
      student.id,
    ]);

    // drafts are private to the team
    // nobody is on a team without consent: amir is invited, and counts only once he accepts
    const p1 = await draft(
      alice,
      competitionId,
      alice,
      [amir.id],
      { keywords: ['Simulation', 'ethics'] },
      false,
    );
    const alone = await waitFor(
      async () => {
        const error = firstError(await gql(SUBMIT, { id: p1 }, alice.token));
        const rules = error.extensions?.failures?.map((f) => f.rule) ?? [];
        return !awaitingReplication(error.extensions?.failures ?? []) && rules;
      },
      { timeoutMs: 20000, intervalMs: 200, description: 'alice replicated' },
    );
    expect(alone).toEqual(['INTER_INSTITUTIONAL']);
    const invited = await gqlOk<{
      myTeamInvitations: Page<{ proposalId: string; invitedBy: { id: string }; status: string }>;
    }>(`{ myTeamInvitations { edges { node { proposalId invitedBy { id } status } } } }`, {}, amir.token);
    expect(nodes(invited.myTeamInvitations)).toEqual([
      { proposalId: p1, invitedBy: { id: alice.id }, status: 'PENDING' },
    ]);
    expect(
      firstError(
        await gql(
          `mutation($p: ID!) { acceptTeamInvitation(proposalId: $p) { status } }`,
          { p: p1 },
          bea.token,
        ),
      ).extensions?.code,
    ).toBe('NOT_FOUND');
    await acceptInvitations(p1, [amir.id]);
    const team = await gqlOk<{
      proposal: {
        team: Array<{ id: string }>;
        invitations: { edges: Array<{ node: { member: { id: string }; status: string } }> };
      };
    }>(
      `query($id: ID!) { proposal(id: $id) { team { id } invitations { edges { node { member { id } status } } } } }`,
      { id: p1 },
      alice.token,
    );
    expect(team.proposal.team.map((m) => m.id).sort()).toEqual([alice.id, amir.id].sort());
    expect(team.proposal.invitations.edges.map((edge) => edge.node.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(
      firstError(await gql(`query($id: ID!) { proposal(id: $id) { id } }`, { id: p1 }, bea.token)).extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      firstError(await gql(`query($id: ID!) { proposal(id: $id) { id } }`, { id: p1 }, admin)).extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect((await submitWhenReplicated(alice, p1)).submittedVersion).toBe(1);
    // an edit before the deadline freezes a new version
    const edited = await gqlOk<{ saveProposalDraft: { submittedVersion: number; status: string } }>(
      SAVE_DRAFT,
      {
        input: {
          id: p1,
          competitionId,
          title: 'Simulation ethics for residents',
          summary: 'Revised summary',
          aims: 'Some aims',
          methods: 'Mixed methods',
          expectedImpact: 'Better teaching',
          keywords: ['simulation', 'ethics'],
          leadApplicantId: alice.id,
          teamMemberIds: [amir.id],
          requestedFunding: 8000,
          requestedHours: 60,
        },
      },
      alice.token,
    );
    expect(edited.saveProposalDraft).toMatchObject({ status: 'SUBMITTED', submittedVersion: 2 });

    const p2 = await draft(bea, competitionId, bea, [ben.id], { keywords: ['surgery'] });
    await submitWhenReplicated(bea, p2);
    // a member registered a moment ago can join a team
    const fresh = await register('fresh', 'I4');
    const p3 = await draft(cleo, competitionId, cleo, [fresh.id]);
    expect((await submitWhenReplicated(cleo, p3)).submittedVersion).toBe(1);

    const mine = await gqlOk<{
      myProposals: Page<{ id: string; status: string; team: Array<{ id: string }> }>;
    }>(`{ myProposals { edges { node { id status team { id } } } } }`, {}, alice.token);
    // alice is on her own entry and on the student's refused draft
    expect(
      nodes(mine.myProposals)
        .map((p) => [p.id, p.status])
        .sort(),
    ).toEqual(
      [
        [p1, 'SUBMITTED'],
        [bad, 'DRAFT'],
      ].sort(),
    );

    await closeSubmissions(competitionId);
    const late = firstError(await gql(SUBMIT, { id: bad }, student.token));
    expect(late.extensions?.code).toBe('FAILED_PRECONDITION');
    await gqlOk(PHASE('startJudging'), { id: competitionId }, admin);

    // judges: judge1..3 each share an institution with exactly one team; assignment is then forced
    for (const judge of [judge1, judge2]) await addJudge(competitionId, judge);
    const short = firstError(
      await gql(
        `mutation($c: ID!) { assignJudges(competitionId: $c) { maxLoad } }`,
        { c: competitionId },
        admin,
      ),
    );
    expect(short.extensions?.code).toBe('FAILED_PRECONDITION');
    expect(short.message).toMatch(/short by 1/);
    expect((short.extensions as Record<string, unknown>).additionalJudgesNeeded).toBe(1);
    expect(
      ((short.extensions as Record<string, unknown>).shortEntries as Array<{ entryId: string }>)
        .map((e) => e.entryId)
        .sort(),
    ).toEqual([p1, p2].sort());
    await addJudge(competitionId, judge3);

    const ASSIGN = `mutation($c: ID!) { assignJudges(competitionId: $c) { keptStarted minLoad maxLoad assignments { proposalId judgeId reviewStarted } } }`;
    const run = await gqlOk<{
      assignJudges: { maxLoad: number; assignments: Array<{ proposalId: string; judgeId: string }> };
    }>(ASSIGN, { c: competitionId }, admin);
    const pairs = (list: Array<{ proposalId: string; judgeId: string }>) =>
      list.map((a) => `${a.proposalId}:${a.judgeId}`).sort();
    const expected = [
      `${p1}:${judge2.id}`,
      `${p1}:${judge3.id}`,
      `${p2}:${judge1.id}`,
      `${p2}:${judge3.id}`,
      `${p3}:${judge1.id}`,
      `${p3}:${judge2.id}`,
    ].sort();
    expect(pairs(run.assignJudges.assignments)).toEqual(expected);
    expect(run.assignJudges.maxLoad).toBe(2);

    // conflicts were recorded with their reasons
    const conflicts = await gqlOk<{
      competitionConflicts: Page<{ proposalId: string; judgeId: string; kind: string; reason: string }>;
    }>(
      `query($c: ID!) { competitionConflicts(competitionId: $c) { edges { node { proposalId judgeId kind reason } } } }`,
      { c: competitionId },
      admin,
    );
    expect(
      nodes(conflicts.competitionConflicts)
        .map((c) => `${c.proposalId}:${c.judgeId}:${c.kind}`)
        .sort(),
    ).toEqual(
      [
        `${p1}:${judge1.id}:SAME_INSTITUTION`,
        `${p2}:${judge2.id}:SAME_INSTITUTION`,
        `${p3}:${judge3.id}:SAME_INSTITUTION`,
      ].sort(),
    );

    // a conflicted judge cannot open or score the proposal
    // (told only that they cannot review it: the kind would say where the team works)
    const conflictedOpen = firstError(await gql(ASSIGNED, { id: p1 }, judge1.token));
    expect(conflictedOpen.message).toBe('you cannot review this proposal');
    expect(JSON.stringify(conflictedOpen)).not.toMatch(/SAME_INSTITUTION|institution/i);
    const conflictedScore = firstError(await score(judge1, p1, 5, 10, 'should not count'));
    expect(conflictedScore.extensions?.code).toBe('FORBIDDEN');
    expect(conflictedScore.message).toBe('you cannot review this proposal');
    // a judge outside the panel cannot read an unassigned proposal, through either query
    expect(firstError(await gql(ASSIGNED, { id: p2 }, judge4.token)).extensions?.code).toBe('FORBIDDEN');
    expect(
      firstError(await gql(`query($id: ID!) { proposal(id: $id) { title } }`, { id: p2 }, judge3.token))
        .extensions?.code,
    ).toBe('FORBIDDEN');

    // judge2 opens p1 and sees version 2; scores out of range are refused with the field named
    const opened = await gqlOk<{ assignedProposal: { title: string; team: Array<{ id: string }> } }>(
      ASSIGNED,
      { id: p1 },
      judge2.token,
    );
    expect(opened.assignedProposal.title).toBe('Simulation ethics for residents');
    expect(opened.assignedProposal.team.map((m) => m.id).sort()).toEqual([alice.id, amir.id].sort());
    const outOfRange = firstError(await score(judge2, p1, 6, 4, 'x'));
    expect(outOfRange.extensions?.code).toBe('BAD_USER_INPUT');
    expect(outOfRange.extensions?.fields?.[0]).toMatchObject({
      field: 'input.scores[0].value',
      rule: 'SCORE_OUT_OF_RANGE',
    });

    // scores: hand-computed totals in comments
    expect((await score(judge2, p1, 3, 2, 'first thoughts')).errors).toBeUndefined();
    // re-running keeps started reviews
    const rerun = await gqlOk<{
      assignJudges: {
        keptStarted: number;
        assignments: Array<{ proposalId: string; judgeId: string; reviewStarted: boolean }>;
      };
    }>(ASSIGN, { c: competitionId }, admin);
    expect(rerun.assignJudges.keptStarted).toBe(1);
    expect(pairs(rerun.assignJudges.assignments)).toEqual(expected);
    expect(
      rerun.assignJudges.assignments.find((a) => a.proposalId === p1 && a.judgeId === judge2.id)
        ?.reviewStarted,
    ).toBe(true);

    expect((await score(judge2, p1, 4, 6, 'Strong design')).errors).toBeUndefined(); // edit: 70
    expect((await score(judge3, p1, 5, 4, 'Original idea')).errors).toBeUndefined(); // 80
    expect((await score(judge1, p2, 5, 10, 'Excellent')).errors).toBeUndefined(); // 100
    expect((await score(judge3, p2, 3, 10, 'Feasible')).errors).toBeUndefined(); // 66.67
    expect((await score(judge1, p3, 3, 4, 'Fair')).errors).toBeUndefined(); // 46.67
    expect((await score(judge2, p3, 2, 8, 'Needs focus')).errors).toBeUndefined(); // 43.33

    // a judge sees only their own scores
    const judge3View = await gqlOk<{ assignedProposal: { review: { scores: Array<{ value: number }> } } }>(
      ASSIGNED,
      { id: p1 },
      judge3.token,
    );
    expect(judge3View.assignedProposal.review.scores.map((s) => s.value)).toEqual([5, 4]);
    const judge3List = await gqlOk<{ myAssignments: unknown[] }>(
      `query($c: ID) { myAssignments(competitionId: $c) { edges { node { proposalId review { scores { value } comment } } } } }`,
      { c: competitionId },
      judge3.token,
    );
    expect(JSON.stringify(judge3List)).not.toMatch(/Strong design|first thoughts|Excellent/);
    expect(
      firstError(
        await gql(
          `query($c: ID!) { competitionRanking(competitionId: $c) { entries { totalCount } } }`,
          { c: competitionId },
          judge3.token,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');

    // applicants see no scores before publication
    const PROPOSAL = `query($id: ID!) { proposal(id: $id) { status result { rank isWinner normalisedScore meanRawScore reviewCount } feedback { reviewer total comment scores { criterionId value } } } }`;
    const before = await gqlOk<{ proposal: { result: unknown; feedback: unknown } }>(
      PROPOSAL,
      { id: p1 },
      amir.token,
    );
    expect(before.proposal).toMatchObject({ status: 'SUBMITTED', result: null, feedback: null });
    expect(
      firstError(
        await gql(
          `query($c: ID!) { competitionRanking(competitionId: $c) { entries { totalCount } } }`,
          { c: competitionId },
          alice.token,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');

    // the admin's provisional ranking: per judge z-scores are ±1, so p1 (+1, +1) beats p2 (+1, −1) despite p2's higher raw mean
    const RANKING = `query($c: ID!) { competitionRanking(competitionId: $c) { published entries { edges { node { rank proposalId normalisedScore meanRawScore reviewCount isWinner } } } } }`;
    const provisional = await gqlOk<{ competitionRanking: { published: boolean } }>(
      RANKING,
      { c: competitionId },
      admin,
    );
    expect(provisional.competitionRanking.published).toBe(false);

    await gqlOk(PHASE('publishResults'), { id: competitionId }, admin);
    const ranking = await gqlOk<{
      competitionRanking: {
        published: boolean;
        entries: {
          edges: Array<{
            node: {
              rank: number;
              proposalId: string;
              normalisedScore: number;
              meanRawScore: number;
              reviewCount: number;
              isWinner: boolean;
            };
          }>;
        };
      };
    }>(RANKING, { c: competitionId }, bea.token);
    expect(ranking.competitionRanking.published).toBe(true);
    const rows = ranking.competitionRanking.entries.edges.map((edge) => edge.node);
    expect(rows.map((r) => [r.rank, r.proposalId, r.reviewCount, r.isWinner])).toEqual([
      [1, p1, 2, true],
      [2, p2, 2, false],
      [3, p3, 2, false],
    ]);
    expect(rows[0].normalisedScore).toBeCloseTo(1, 9);
    expect(rows[1].normalisedScore).toBeCloseTo(0, 9);
    expect(rows[2].normalisedScore).toBeCloseTo(-1, 9);
    expect(rows[0].meanRawScore).toBeCloseTo(75, 9);
    expect(rows[1].meanRawScore).toBeCloseTo(83.3333333333, 6);
    expect(rows[2].meanRawScore).toBeCloseTo(45, 9);

    // after publication: applicants see their result and anonymised feedback; scores are frozen
    const after = await gqlOk<{
      proposal: {
        result: {
          rank: number;
          isWinner: boolean;
          normalisedScore: number;
          meanRawScore: number;
          reviewCount: number;
        };
        feedback: Array<{ reviewer: string; total: number; comment: string }>;
      };
    }>(PROPOSAL, { id: p1 }, amir.token);
    expect(after.proposal.result).toMatchObject({ rank: 1, isWinner: true, reviewCount: 2 });
    expect(after.proposal.result.meanRawScore).toBeCloseTo(75, 9);
    expect(after.proposal.feedback.map((f) => f.reviewer)).toEqual(['Reviewer 1', 'Reviewer 2']);
    expect(after.proposal.feedback.map((f) => Math.round(f.total * 1000) / 1000).sort()).toEqual([70, 80]);
    expect(after.proposal.feedback.map((f) => f.comment).sort()).toEqual(['Original idea', 'Strong design']);
    expect(JSON.stringify(after)).not.toContain(judge2.id);
    const frozen = firstError(await score(judge2, p1, 1, 0, 'too late'));
    expect(frozen.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'RESULTS_FROZEN' });
    // a judge's late conflict declaration is refused too, and nothing that was published moves
    const lateConflict = firstError(
      await gql(
        `mutation($p: ID!) { declareConflict(proposalId: $p, reason: "remembered a link") { kind } }`,
        { p: p1 },
        judge2.token,
      ),
    );
    expect(lateConflict.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'RESULTS_FROZEN' });
    expect(await gqlOk(RANKING, { c: competitionId }, bea.token)).toEqual(ranking);
    expect(await gqlOk(PROPOSAL, { id: p1 }, amir.token)).toEqual(after);
    expect(firstError(await gql(PHASE('startJudging'), { id: competitionId }, admin)).extensions?.rule).toBe(
      'TERMINAL_PHASE',
    );

    // every judging action is in the audit log, for admins only
    const AUDIT = `query($c: ID!) { judgingAuditLog(competitionId: $c, first: 100) { edges { node { action judgeId proposalId } } } }`;
    const log = await gqlOk<{ judgingAuditLog: Page<{ action: string }> }>(
      AUDIT,
      { c: competitionId },
      admin,
    );
    const actions = nodes(log.judgingAuditLog).map((entry) => entry.action);
    for (const action of [
      'JUDGE_ADDED',
      'CONFLICT_RECORDED',
      'ASSIGNMENT_ADDED',
      'ASSIGNMENT_RUN',
      'SCORE_SUBMITTED',
      'SCORE_EDITED',
      'RESULTS_PUBLISHED',
    ]) {
      expect(actions).toContain(action);
    }
    expect(firstError(await gql(AUDIT, { c: competitionId }, judge2.token)).extensions?.code).toBe(
      'FORBIDDEN',
    );

    // the results event names the winner with the same figures
    // other suites publish results on the same topic: take this competition's event
    const published = await waitFor(() => results.messages.find((message) => message.key === competitionId), {
      timeoutMs: 20000,
      description: 'results event of this competition',
    });
    const parsed = parseEvent(CompetitionResultsPublishedV2, published.json());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.event.payload.winners.map((w) => [w.proposalId, w.rank, w.leadApplicantId])).toEqual([
        [p1, 1, alice.id],
      ]);
      expect(parsed.event.payload.winners[0].institutionIds.sort()).toEqual(
        [institutions.I1.id, institutions.I4.id].sort(),
      );
      expect(parsed.event.payload.winners[0].normalisedScore).toBeCloseTo(1, 9);
      // v2: money as integer minor units of the competition's (default) currency
      expect(parsed.event.payload.currency).toBe('GBP');
      expect(parsed.event.payload.fundingAvailable).toEqual({ amountMinor: 2000000, currency: 'GBP' });
      expect(parsed.event.payload.winners[0].requestedFunding.currency).toBe('GBP');
    }
  });

  it('keeps blind competitions blind: nothing identifying reaches the judge, and judges declare conflicts', async () => {
    const { alice, ben, cleo, amir, judge1, judge2, judge3, judge4 } = people;
    const competitionId = await createCompetition({
      title: 'Blind innovation call',
      blind: true,
      reviewsPerEntry: 1,
      judgeMaxLoad: 1,
      eligibility: { requiresInterInstitutionalTeam: true, maxTeamSize: 3, allowedCareerStages: [] },
    });
    await gqlOk(PHASE('openCompetition'), { id: competitionId }, admin);
    for (const judge of [judge1, judge2, judge3]) await addJudge(competitionId, judge);
    // p4 (I3 + I4): judge3 shares I3; the applicants name judge2 as conflicted
    const p4 = await draft(cleo, competitionId, cleo, [amir.id], {
      title: 'Blind entry four',
      keywords: ['surgery'],
    });
    await submitWhenReplicated(cleo, p4, [{ judgeId: judge2.id, reason: 'former supervisor of the lead' }]);
    // at most PROPOSALS_NAMED_CONFLICTS_MAX (3) named judges per proposal, over all its submissions
    const tooMany = firstError(
      await gql(
        SUBMIT,
        {
          id: p4,
          named: [judge1, judge3, judge4].map((judge) => ({ judgeId: judge.id, reason: 'we know them all' })),
        },
        cleo.token,
      ),
    );
    expect(tooMany.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'conflictedJudges', rule: 'MAX_NAMED_CONFLICTS' })],
    });
    // p5 (I1 + I4): judge1 shares I1; judge2's interests match its keywords better than judge3's
    const p5 = await draft(alice, competitionId, alice, [ben.id], {
      title: 'Blind entry five',
      keywords: ['ethics', 'surgery'],
    });
    await submitWhenReplicated(alice, p5);
    await closeSubmissions(competitionId);
    await gqlOk(PHASE('startJudging'), { id: competitionId }, admin);
    const run = await gqlOk<{
      assignJudges: { assignments: Array<{ proposalId: string; judgeId: string }> };
    }>(
      `mutation($c: ID!) { assignJudges(competitionId: $c) { assignments { proposalId judgeId } } }`,
      { c: competitionId },
      admin,
    );
    expect(run.assignJudges.assignments.map((a) => `${a.proposalId}:${a.judgeId}`).sort()).toEqual(
      [`${p4}:${judge1.id}`, `${p5}:${judge2.id}`].sort(),
    );
    judge2Entry = { competitionId, proposalId: p5 };

    // everything a judge can ask for: no team, no names, no institutions
    const view = await gqlOk<{ myAssignments: Page<{ proposalId: string; team: unknown; blind: boolean }> }>(
      `query($c: ID) { myAssignments(competitionId: $c) { edges { node { proposalId competitionId competitionTitle blind version title summary aims methods expectedImpact keywords requestedFunding requestedHours team { id } review { comment } } } } }`,
      { c: competitionId },
      judge1.token,
    );
    expect(nodes(view.myAssignments)).toHaveLength(1);
    expect(nodes(view.myAssignments)[0]).toMatchObject({ proposalId: p4, team: null, blind: true });
    const text = JSON.stringify(view);
    for (const secret of [
      cleo.id,
      amir.id,
      cleo.name,
      amir.name,
      institutions.I3.id,
      institutions.I4.id,
      institutions.I3.name,
    ]) {
      expect(text).not.toContain(secret);
    }
    // the Proposal entity is not reachable for a judge either
    expect(
      firstError(await gql(`query($id: ID!) { proposal(id: $id) { team { id } } }`, { id: p4 }, judge1.token))
        .extensions?.code,
    ).toBe('FORBIDDEN');
    // a judge who is not assigned and the judge the applicants named hear the same refusal: nothing says who
    // accused them
    const unassigned = firstError(await gql(ASSIGNED, { id: p5 }, judge3.token));
    const named = firstError(await gql(ASSIGNED, { id: p4 }, judge2.token));
    expect(named.message).toBe('you cannot review this proposal');
    expect(named.message).toBe(unassigned.message);
    expect(JSON.stringify(named)).not.toMatch(/NAMED|applicant|supervisor/i);

    expect((await score(judge1, p4, 4, 7, 'Promising')).errors).toBeUndefined();
    const blindEvents = await waitFor(
      () => {
        const found = reviews.messages
          .map((message) => parseEvent(ReviewSubmittedV1, message.json()))
          .filter((parsed) => parsed.ok && parsed.event.payload.competitionId === competitionId);
        return found.length > 0 && found;
      },
      { timeoutMs: 20000, description: 'the blind review event' },
    );
    expect(blindEvents).toHaveLength(1);
    if (blindEvents[0].ok) {
      expect(blindEvents[0].event.payload.judgeId).toBeNull();
      expect(blindEvents[0].event.actorId).toBeNull();
      expect(JSON.stringify(blindEvents[0].event)).not.toContain(judge1.id);
    }
    const blindSubmissions = await waitFor(
      () => {
        const found = submitted.messages
          .map((message) => parseEvent(ProposalSubmittedV1, message.json()))
          .filter((parsed) => parsed.ok && parsed.event.payload.competitionId === competitionId);
        return found.length >= 2 && found;
      },
      { timeoutMs: 20000, description: 'the blind submission events' },
    );
    for (const parsed of blindSubmissions) {
      if (!parsed.ok) continue;
      expect(parsed.event.payload.team).toBeNull();
      expect(parsed.event.actorId).toBeNull();
      expect(JSON.stringify(parsed.event)).not.toContain(cleo.id);
    }

    // judge1 declares a conflict: the assignment and the started review go, and nobody else can take p4
    const declared = await gqlOk<{ declareConflict: { kind: string; reason: string } }>(
      `mutation($p: ID!) { declareConflict(proposalId: $p, reason: "co-author of the lead") { kind reason } }`,
      { p: p4 },
      judge1.token,
    );
    expect(declared.declareConflict.kind).toBe('DECLARED_BY_JUDGE');
    expect(
      (
        await gqlOk<{ myAssignments: { totalCount: number } }>(
          `query($c: ID) { myAssignments(competitionId: $c) { totalCount } }`,
          { c: competitionId },
          judge1.token,
        )
      ).myAssignments.totalCount,
    ).toBe(0);
    const infeasible = firstError(
      await gql(
        `mutation($c: ID!) { assignJudges(competitionId: $c) { maxLoad } }`,
        { c: competitionId },
        admin,
      ),
    );
    expect(infeasible.extensions?.code).toBe('FAILED_PRECONDITION');
    expect(infeasible.message).toContain(p4);
    const kinds = await gqlOk<{
      competitionConflicts: Page<{ proposalId: string; judgeId: string; kind: string }>;
    }>(
      `query($c: ID!) { competitionConflicts(competitionId: $c) { edges { node { proposalId judgeId kind } } } }`,
      { c: competitionId },
      admin,
    );
    expect(
      nodes(kinds.competitionConflicts)
        .filter((c) => c.proposalId === p4)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['DECLARED_BY_JUDGE', 'NAMED_BY_APPLICANT', 'SAME_INSTITUTION'].sort());

    // the applicants' naming awaits an admin: only an admin decides, once, with a reason that is audited
    const CONFLICTS = `query($c: ID!) { competitionConflicts(competitionId: $c) { edges { node { id judgeId kind reviewStatus reviewReason } } } }`;
    const namedConflict = nodes(
      (
        await gqlOk<{
          competitionConflicts: Page<{
            id: string;
            judgeId: string;
            kind: string;
            reviewStatus: string | null;
          }>;
        }>(CONFLICTS, { c: competitionId }, admin)
      ).competitionConflicts,
    ).find((c) => c.kind === 'NAMED_BY_APPLICANT');
    expect(namedConflict).toMatchObject({ judgeId: judge2.id, reviewStatus: 'PENDING' });
    const REVIEW = `mutation($id: ID!, $d: NamedConflictDecision!, $r: String!) { reviewNamedConflict(conflictId: $id, decision: $d, reason: $r) { reviewStatus reviewReason } }`;
    const id = namedConflict?.id;
    expect(
      firstError(await gql(REVIEW, { id, d: 'OVERRULE', r: 'never supervised them' }, judge2.token))
        .extensions?.code,
    ).toBe('FORBIDDEN');
    const overruled = await gqlOk<{ reviewNamedConflict: { reviewStatus: string; reviewReason: string } }>(
      REVIEW,
      { id, d: 'OVERRULE', r: 'checked: no supervision in the last ten years' },
      admin,
    );
    expect(overruled.reviewNamedConflict).toEqual({
      reviewStatus: 'OVERRULED',
      reviewReason: 'checked: no supervision in the last ten years',
    });
    const twice = firstError(await gql(REVIEW, { id, d: 'ACCEPT', r: 'second thoughts' }, admin));
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NAMED_CONFLICT_ALREADY_REVIEWED' });
    // judge2 may now take p4, so the entry left without a judge gets one
    const rerun = await gqlOk<{
      assignJudges: { assignments: Array<{ proposalId: string; judgeId: string }> };
    }>(
      `mutation($c: ID!) { assignJudges(competitionId: $c) { assignments { proposalId judgeId } } }`,
      { c: competitionId },
      admin,
    );
    expect(rerun.assignJudges.assignments.map((a) => `${a.proposalId}:${a.judgeId}`).sort()).toEqual(
      [`${p4}:${judge2.id}`, `${p5}:${judge3.id}`].sort(),
    );
    const log = await gqlOk<{ judgingAuditLog: Page<{ action: string; judgeId: string | null }> }>(
      `query($c: ID!) { judgingAuditLog(competitionId: $c, first: 100) { edges { node { action judgeId } } } }`,
      { c: competitionId },
      admin,
    );
    expect(nodes(log.judgingAuditLog)).toContainEqual({
      action: 'CONFLICT_NAMED_OVERRULED',
      judgeId: judge2.id,
    });
  });

  it('stops showing proposal content to a judge within seconds of the judge role being revoked', async () => {
    const { judge2 } = people;
    expect(judge2Entry).not.toBeNull();
    const entry = judge2Entry as { competitionId: string; proposalId: string };
    const MINE = `query($c: ID) { myAssignments(competitionId: $c) { edges { node { proposalId title summary aims } } } }`;
    const before = await gqlOk<{ myAssignments: Page<{ proposalId: string; title: string }> }>(
      MINE,
      { c: entry.competitionId },
      judge2.token,
    );
    // judge2's entry in that competition: the one first assigned, or the one an overruled naming moved them to
    const mine = nodes(before.myAssignments);
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toEqual(expect.any(String));
    const assignedProposalId = mine[0].proposalId;
    await gqlOk(
      `mutation($m: ID!) { revokeRole(memberId: $m, role: JUDGE) { id } }`,
      { m: judge2.id },
      admin,
    );
    // the same, still unexpired token: proposals' replica learns of the revocation and refuses
    const refused = await waitFor(
      async () => {
        const response = await gql(MINE, { c: entry.competitionId }, judge2.token);
        return response.errors?.length ? response : false;
      },
      { timeoutMs: 10000, intervalMs: 100, description: 'myAssignments refused to the revoked judge' },
    );
    expect(firstError(refused).extensions?.code).toBe('FORBIDDEN');
    expect(refused.data ?? null).toBeNull();
    expect(firstError(await gql(ASSIGNED, { id: assignedProposalId }, judge2.token)).extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
