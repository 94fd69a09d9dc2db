import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MemberRoleGrantedV1, MemberRoleRevokedV1, type EventOf } from '@praxis/contracts';
import {
  errorCodeOf,
  executeOk,
  seedReplicaMember,
  startSubgraphHarness,
  waitFor,
  type Caller,
  type ConnectionData,
  type IssuedToken,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { proposalsMemberReplicaHooks } from './handlers/proposals-member-replica.hooks';
import { createLogger } from '@praxis/platform/observability';
import { ProposalsFeatureModule } from './proposals-feature.module';
import { openCompetition, startJudging, submitEntry } from './testing/entries';
import {
  assignmentsOf,
  auditLinesOf,
  reviewCountsOf,
  startReplicaFeed,
  type ReplicaFeed,
} from './testing/replica-feed';

const logger = createLogger('judge-role-revocations-test', process.env.TEST_LOG_LEVEL ?? 'silent');

const ADD_JUDGE = 'mutation($c: ID!, $m: ID!) { addJudge(competitionId: $c, memberId: $m) { addedAt } }';
const ASSIGN = `mutation($p: ID!, $j: ID!) { assignJudge(proposalId: $p, judgeId: $j) { proposalId } }`;
const PUBLISH = 'mutation($c: ID!) { publishResults(competitionId: $c) { phase } }';
const SCORE = `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { proposalId } }`;
const MY_ASSIGNMENTS = `query($c: ID) { myAssignments(competitionId: $c, first: 100) {
  edges { node { proposalId } }
} }`;
const OPEN_AS_JUDGE = `query($p: ID!) { assignedProposal(proposalId: $p) { proposalId } }`;
const DECLARE = `mutation($p: ID!, $r: String!) { declareConflict(proposalId: $p, reason: $r) { id } }`;

/**
 * Membership revokes a judge's JUDGE role, signed as membership signs it, through proposals' real member-replica
 * consumer (real PostgreSQL, the local broker): the judge's assignments without a submitted score are released
 * (audited, the entry free for another judge, publication no longer waiting for them), their submitted scores
 * stay, the revoked judge is refused by every judging operation, and neither a redelivery nor a later re-grant
 * changes what the revocation did.
 */
describe('proposals: a judge whose JUDGE role is revoked', () => {
  let subgraph: SubgraphHarness;
  let feed: ReplicaFeed;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  const judgeJ = { memberId: randomUUID(), roles: ['judge' as const] }; // loses the role
  const judgeK = { memberId: randomUUID(), roles: ['judge' as const] }; // takes J's released entry
  const [applicantX, applicantY] = [randomUUID(), randomUUID()];
  let competitionId: string;
  let entryX: string; // assigned to J, not scored
  let entryY: string; // assigned to J, scored
  let sheet: Array<{ criterionId: string; value: number }>;
  /** J's session, opened while J held the role (membership signs no token with a revoked role). */
  let sessionJ: IssuedToken;
  let revocation: EventOf<typeof MemberRoleRevokedV1>;

  const ok = <T>(query: string, variables: Record<string, unknown>) =>
    executeOk<T>(subgraph, admin, query, variables);
  const assigned = () => assignmentsOf(subgraph, admin, competitionId);
  const reviewCounts = () => reviewCountsOf(subgraph, admin, competitionId);
  const releases = async () =>
    (await auditLinesOf(subgraph, admin, competitionId)).filter(
      (line) => line.action === 'ASSIGNMENT_REMOVED',
    );
  const grantJudge = (memberId: string, sequence: number) =>
    feed.event(MemberRoleGrantedV1, memberId, sequence, { memberId, role: 'judge', institutionId: null });
  const revokeJudge = (memberId: string, sequence: number) =>
    feed.event(MemberRoleRevokedV1, memberId, sequence, { memberId, role: 'judge', institutionId: null });

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'proposals_judge_revocations',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
    const { dataSource } = subgraph;
    await seedReplicaMember(dataSource, admin.memberId, { roles: ['admin'] });
    for (const judge of [judgeJ, judgeK]) await seedReplicaMember(dataSource, judge.memberId, judge);
    for (const applicant of [applicantX, applicantY]) await seedReplicaMember(dataSource, applicant);

    competitionId = await openCompetition(subgraph, admin, { title: 'Revocation call', judgeMaxLoad: 5 });
    entryX = await submitEntry(subgraph, competitionId, 'Entry X', [applicantX]);
    entryY = await submitEntry(subgraph, competitionId, 'Entry Y', [applicantY]);
    await startJudging(subgraph, admin, competitionId);
    for (const judge of [judgeJ, judgeK]) await ok(ADD_JUDGE, { c: competitionId, m: judge.memberId });
    await ok(ASSIGN, { p: entryX, j: judgeJ.memberId });
    await ok(ASSIGN, { p: entryY, j: judgeJ.memberId });
    const competition = await ok<{ competition: { criteria: Array<{ id: string }> } }>(
      'query($id: ID!) { competition(id: $id) { criteria { id } } }',
      { id: competitionId },
    );
    sheet = competition.competition.criteria.map((criterion) => ({ criterionId: criterion.id, value: 4 }));
    await executeOk(subgraph, judgeJ, SCORE, {
      input: { proposalId: entryY, scores: sheet, comment: 'scored while a judge' },
    });
    sessionJ = { token: await subgraph.tokenFor(judgeJ) };
    // proposals' consumer with the hooks apps/proposals wires
    feed = await startReplicaFeed(subgraph, proposalsMemberReplicaHooks, logger);
  }, 180000);

  afterAll(async () => {
    await feed?.stop();
    await subgraph?.close();
  });

  it('releases the unscored assignment, audited, and keeps the scored one', async () => {
    const j = judgeJ.memberId;
    expect(await assigned()).toEqual([`${entryX}:${j}:false`, `${entryY}:${j}:true`].sort());
    // the unscored assignment holds the results back
    const blocked = await subgraph.execute(admin, PUBLISH, { c: competitionId });
    expect(blocked.errors?.[0]?.extensions).toMatchObject({
      reason: 'REVIEWS_INCOMPLETE',
      missingReviews: 1,
    });

    revocation = await revokeJudge(j, 2);
    await feed.deliver(MemberRoleRevokedV1, revocation);

    expect(await assigned()).toEqual([`${entryY}:${j}:true`]);
    expect(await reviewCounts()).toMatchObject({ [entryX]: 0, [entryY]: 1 });
    expect(await releases()).toEqual([
      expect.objectContaining({
        proposalId: entryX,
        judgeId: j,
        detail: expect.objectContaining({
          reason: 'the judge no longer holds the judge role',
          cause: 'judge-role-revoked',
          discardedReview: false,
        }),
      }),
    ]);
  });

  it('refuses the revoked judge every judging operation, on the entry scored as on the one released', async () => {
    expect(await errorCodeOf(subgraph, sessionJ, MY_ASSIGNMENTS, { c: competitionId })).toBe('FORBIDDEN');
    for (const p of [entryX, entryY]) {
      expect(await errorCodeOf(subgraph, sessionJ, OPEN_AS_JUDGE, { p })).toBe('FORBIDDEN');
      expect(
        await errorCodeOf(subgraph, sessionJ, SCORE, {
          input: { proposalId: p, scores: sheet, comment: 'after the revocation' },
        }),
      ).toBe('FORBIDDEN');
      expect(await errorCodeOf(subgraph, sessionJ, DECLARE, { p, r: 'after the revocation' })).toBe(
        'FORBIDDEN',
      );
    }
    // nothing of theirs changed
    expect(await assigned()).toEqual([`${entryY}:${judgeJ.memberId}:true`]);
  });

  it('changes nothing more on a redelivery, and a re-grant brings no released assignment back', async () => {
    const j = judgeJ.memberId;
    // the revocation redelivered, membership's retry of its sequence, a newer one of a role no longer held (one
    // key, one partition: the last handled means all were), and a stale grant from before them
    await feed.deliver(MemberRoleRevokedV1, revocation, await revokeJudge(j, 2), await revokeJudge(j, 3));
    await feed.deliver(MemberRoleGrantedV1, await grantJudge(j, 1));
    expect(await assigned()).toEqual([`${entryY}:${j}:true`]);
    expect(await releases()).toHaveLength(1);

    // membership grants the role again: the judge is back in the pool's reach, with what they kept
    await feed.deliver(MemberRoleGrantedV1, await grantJudge(j, 4));
    expect(await assigned()).toEqual([`${entryY}:${j}:true`]);
    expect(await releases()).toHaveLength(1);
    const mine = await executeOk<{ myAssignments: ConnectionData<{ proposalId: string }> }>(
      subgraph,
      judgeJ,
      MY_ASSIGNMENTS,
      { c: competitionId },
    );
    expect(mine.myAssignments.edges.map((edge) => edge.node.proposalId)).toEqual([entryY]);
  });

  it('lets the released entry be judged by another judge, and the results be published with the kept score', async () => {
    await ok(ASSIGN, { p: entryX, j: judgeK.memberId });
    await executeOk(subgraph, judgeK, SCORE, {
      input: { proposalId: entryX, scores: sheet, comment: 'scored in their place' },
    });
    expect(await reviewCounts()).toMatchObject({ [entryX]: 1, [entryY]: 1 });
    const published = await ok<{ publishResults: { phase: string } }>(PUBLISH, { c: competitionId });
    expect(published.publishResults.phase).toBe('RESULTS_PUBLISHED');
  });

  describe('side by side with a score submission', () => {
    const judgeL = { memberId: randomUUID(), roles: ['judge' as const] };
    const judgeM = { memberId: randomUUID(), roles: ['judge' as const] };
    let competition: string;
    let entryL: string;
    let entryM: string;

    beforeAll(async () => {
      for (const judge of [judgeL, judgeM])
        await seedReplicaMember(subgraph.dataSource, judge.memberId, judge);
      const team = [randomUUID(), randomUUID()];
      for (const applicant of team) await seedReplicaMember(subgraph.dataSource, applicant);
      competition = await openCompetition(subgraph, admin, { title: 'Race call', judgeMaxLoad: 5 });
      entryL = await submitEntry(subgraph, competition, 'Entry L', [team[0]]);
      entryM = await submitEntry(subgraph, competition, 'Entry M', [team[1]]);
      await startJudging(subgraph, admin, competition);
      for (const judge of [judgeL, judgeM]) await ok(ADD_JUDGE, { c: competition, m: judge.memberId });
      await ok(ASSIGN, { p: entryL, j: judgeL.memberId });
      await ok(ASSIGN, { p: entryM, j: judgeM.memberId });
    }, 60000);

    /**
     * The revocation applied through the replica's handler with proposals' hooks, in a transaction of its own;
     * `afterRelease` runs inside it once the hook has done its work, before it commits.
     */
    async function revoke(memberId: string, afterRelease: () => Promise<void> = async () => undefined) {
      const apply = feed.handlerOf(MemberRoleRevokedV1, {
        ...proposalsMemberReplicaHooks,
        onRoleChanged: async (change, manager) => {
          await proposalsMemberReplicaHooks.onRoleChanged?.(change, manager);
          await afterRelease();
        },
      });
      await apply(await revokeJudge(memberId, 2));
    }

    const score = (judge: Exclude<Caller, null>, proposalId: string) =>
      subgraph
        .execute(judge, SCORE, { input: { proposalId, scores: sheet, comment: 'in the race' } })
        .then((result) => (result.errors ? String(result.errors[0]?.extensions?.code) : 'scored'));

    async function lockWaiters(count: number, description: string): Promise<void> {
      await waitFor(
        async () => {
          const rows: Array<{ count: string }> = await subgraph.dataSource.query(
            `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return Number(rows[0].count) === count;
        },
        { description },
      );
    }

    it('a score whose role check passed before the revocation is kept, with its assignment', async () => {
      // the score submission is caught after its competition lock and before its role check (a third session
      // holds the entry), then the revocation deletes the role (uncommitted) and reaches its competition lock
      const holder = new Client({ connectionString: subgraph.databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT id FROM proposal WHERE id = $1 FOR UPDATE`, [entryL]);
        const scored = score(judgeL, entryL);
        await lockWaiters(1, 'the score submission waiting on the held entry');
        const revoked = revoke(judgeL.memberId);
        await lockWaiters(2, 'the revocation waiting on the competition');
        await holder.query('COMMIT');
        const [outcome] = await Promise.all([scored, revoked]);
        // the role was still held when the score was checked: it counts, and its assignment stays
        expect(outcome).toBe('scored');
      } finally {
        await holder.end();
      }
      expect(await assignmentsOf(subgraph, admin, competition)).toContain(
        `${entryL}:${judgeL.memberId}:true`,
      );
      const lines = await auditLinesOf(subgraph, admin, competition);
      expect(lines.filter((line) => line.action === 'ASSIGNMENT_REMOVED')).toEqual([]);
    });

    it('a score submitted while the revocation holds the competition is refused, and nothing of it is left', async () => {
      let scored: Promise<string> = Promise.resolve('not sent');
      await revoke(judgeM.memberId, async () => {
        scored = score(judgeM, entryM);
        await lockWaiters(1, 'the score submission waiting on the revocation');
      });
      expect(await scored).toBe('FORBIDDEN');
      const left = await assignmentsOf(subgraph, admin, competition);
      expect(left.filter((pair) => pair.includes(judgeM.memberId))).toEqual([]);
      const reviews: unknown[] = await subgraph.dataSource.query(
        `SELECT 1 FROM review WHERE proposal_id = $1 AND judge_id = $2`,
        [entryM, judgeM.memberId],
      );
      expect(reviews).toHaveLength(0);
    });
  });
});
