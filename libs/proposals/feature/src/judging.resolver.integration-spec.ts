import { randomUUID } from 'node:crypto';
import {
  countQueries,
  errorCodeOf,
  executeOk,
  seedReplicaMember,
  startSubgraphHarness,
  type Caller,
  type ConnectionData,
  type SubgraphHarness,
  must,
} from '@praxis/platform/testing';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { ProposalsFeatureModule } from './proposals-feature.module';
import { openCompetition, startJudging, submitEntry } from './testing/entries';

const ENTRIES = 12;
const INVITE = `mutation($p: ID!, $m: ID!) {
  inviteTeamMember(proposalId: $p, memberId: $m) { proposalId status member { id } invitedBy { id } }
}`;
const JUDGES = `query($c: ID!) { competitionJudges(competitionId: $c) { totalCount edges { node { judge { id } } } } }`;
const ASSIGNMENTS = `query($c: ID!, $n: Int) {
  competitionAssignments(competitionId: $c, first: $n) {
    totalCount edges { node { proposalId judgeId origin reviewStarted } }
  }
}`;
const ASSIGN = `mutation($p: ID!, $j: ID!) { assignJudge(proposalId: $p, judgeId: $j) { proposalId judgeId origin } }`;
const UNASSIGN = `mutation($p: ID!, $j: ID!) { unassignJudge(proposalId: $p, judgeId: $j) }`;
const MINE = `query($n: Int) {
  myAssignments(first: $n) {
    totalCount edges { node { proposalId competitionTitle version title review { submittedAt } } }
  }
}`;

/**
 * Judging in-process through GraphQL operations: the judge pool, manual assignment and its reversal, the
 * competition's assignments, team invitations, each with the role it requires, and a judge's page of
 * assignments loaded in a fixed number of queries.
 */
describe('proposals subgraph in-process: judging and team operations', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  const judge = { memberId: randomUUID(), roles: ['judge' as const] };
  const secondJudge = { memberId: randomUUID(), roles: ['judge' as const] };
  const member = { memberId: randomUUID(), roles: [] };
  const leads: string[] = [];
  const entries: string[] = [];
  let competitionId: string;

  const ok = <T>(caller: Caller, query: string, variables = {}) =>
    executeOk<T>(subgraph, caller, query, variables);
  const refusal = (caller: Caller, query: string, variables = {}) =>
    errorCodeOf(subgraph, caller, query, variables);

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'proposals_judging_resolvers',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
    for (const caller of [admin, judge, secondJudge, member]) {
      await seedReplicaMember(subgraph.dataSource, caller.memberId, { roles: caller.roles });
    }
    competitionId = await openCompetition(subgraph, admin, { title: 'Judged call', judgeMaxLoad: ENTRIES });
    for (let i = 0; i < ENTRIES; i += 1) {
      const lead = randomUUID();
      await seedReplicaMember(subgraph.dataSource, lead);
      entries.push(await submitEntry(subgraph, competitionId, `Entry ${i}`, [lead]));
      leads.push(lead);
    }
  }, 180000);

  afterAll(async () => {
    await subgraph?.close();
  });

  // runs while the competition is OPEN (invitations are answered only then)
  it('lets a team member invite someone, and nobody else', async () => {
    expect(await refusal(member, INVITE, { p: entries[0], m: member.memberId })).toBe('FORBIDDEN');
    expect(await refusal(null, INVITE, { p: entries[0], m: member.memberId })).toBe('UNAUTHENTICATED');
    const invited = await ok<{ inviteTeamMember: unknown }>({ memberId: leads[0] }, INVITE, {
      p: entries[0],
      m: member.memberId,
    });
    expect(invited.inviteTeamMember).toEqual({
      proposalId: entries[0],
      status: 'PENDING',
      member: { id: member.memberId },
      invitedBy: { id: leads[0] },
    });
    const onTeam = await subgraph.execute({ memberId: leads[0] }, INVITE, { p: entries[0], m: leads[0] });
    expect(onTeam.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'memberId', rule: 'notOnTeam' }],
    });
  });

  describe('once judging has started', () => {
    beforeAll(async () => {
      await startJudging(subgraph, admin, competitionId);
      for (const j of [judge, secondJudge]) {
        await ok(
          admin,
          'mutation($c: ID!, $m: ID!) { addJudge(competitionId: $c, memberId: $m) { addedAt } }',
          {
            c: competitionId,
            m: j.memberId,
          },
        );
      }
      await ok(admin, 'mutation($c: ID!) { assignJudges(competitionId: $c) { minLoad } }', {
        c: competitionId,
      });
    }, 120000);

    it('shows the judge pool to admins only', async () => {
      const pool = await ok<{ competitionJudges: ConnectionData<{ judge: { id: string } }> }>(admin, JUDGES, {
        c: competitionId,
      });
      expect(pool.competitionJudges.totalCount).toBe(2);
      expect(pool.competitionJudges.edges.map((edge) => edge.node.judge.id).sort()).toEqual(
        [judge.memberId, secondJudge.memberId].sort(),
      );
      expect(await refusal(judge, JUDGES, { c: competitionId })).toBe('FORBIDDEN');
      expect(await refusal(null, JUDGES, { c: competitionId })).toBe('UNAUTHENTICATED');
    });

    it("finds a pool's judges by name and a competition's entries by title, for admins only", async () => {
      await subgraph.dataSource.query('UPDATE member_replica SET display_name = $2 WHERE member_id = $1', [
        judge.memberId,
        'Jo Pereira',
      ]);
      await subgraph.dataSource.query('UPDATE member_replica SET display_name = $2 WHERE member_id = $1', [
        secondJudge.memberId,
        'Kim Lee',
      ]);
      const FIND_JUDGES = `query($c: ID!, $text: String) {
        competitionJudges(competitionId: $c, nameContains: $text) { totalCount edges { node { judge { id } } } }
      }`;
      const judges = await ok<{ competitionJudges: ConnectionData<{ judge: { id: string } }> }>(
        admin,
        FIND_JUDGES,
        { c: competitionId, text: ' PEREIRA ' },
      );
      expect(judges.competitionJudges.edges.map((edge) => edge.node.judge.id)).toEqual([judge.memberId]);
      expect(await refusal(judge, FIND_JUDGES, { c: competitionId, text: 'Lee' })).toBe('FORBIDDEN');

      const FIND_ENTRIES = `query($c: ID!, $text: String) {
        competitionEntries(competitionId: $c, titleContains: $text, first: 20) { totalCount edges { node { title } } }
      }`;
      const found = await ok<{ competitionEntries: ConnectionData<{ title: string }> }>(admin, FIND_ENTRIES, {
        c: competitionId,
        text: 'entry 1',
      });
      expect(found.competitionEntries.edges.map((edge) => edge.node.title).sort()).toEqual(
        ['Entry 1', 'Entry 10', 'Entry 11'].sort(),
      );
      const tooLong = await subgraph.execute(admin, FIND_ENTRIES, {
        c: competitionId,
        text: 'x'.repeat(201),
      });
      expect(tooLong.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'titleContains', rule: 'maxLength' }],
      });
    });

    it('lists the assignments to admins only, every entry reviewed once', async () => {
      const listed = await ok<{
        competitionAssignments: ConnectionData<{ proposalId: string; origin: string }>;
      }>(admin, ASSIGNMENTS, { c: competitionId, n: 100 });
      expect(listed.competitionAssignments.totalCount).toBe(ENTRIES);
      expect(new Set(listed.competitionAssignments.edges.map((edge) => edge.node.proposalId))).toEqual(
        new Set(entries),
      );
      expect(listed.competitionAssignments.edges.every((edge) => edge.node.origin === 'AUTOMATIC')).toBe(
        true,
      );
      expect(await refusal(judge, ASSIGNMENTS, { c: competitionId })).toBe('FORBIDDEN');
    });

    it('lets admins only assign a judge by hand and take the assignment back', async () => {
      const assignments = await ok<{
        competitionAssignments: ConnectionData<{ proposalId: string; judgeId: string }>;
      }>(admin, ASSIGNMENTS, { c: competitionId, n: 100 });
      // an entry the second judge does not review yet
      const entry = must(
        assignments.competitionAssignments.edges.find((edge) => edge.node.judgeId === judge.memberId),
        "an assignment of the first judge's",
      ).node.proposalId;
      const pair = { p: entry, j: secondJudge.memberId };
      expect(await refusal(judge, ASSIGN, pair)).toBe('FORBIDDEN');
      const assigned = await ok<{ assignJudge: unknown }>(admin, ASSIGN, pair);
      expect(assigned.assignJudge).toEqual({
        proposalId: entry,
        judgeId: secondJudge.memberId,
        origin: 'MANUAL',
      });
      expect(await refusal(secondJudge, UNASSIGN, pair)).toBe('FORBIDDEN');
      expect(await ok<{ unassignJudge: boolean }>(admin, UNASSIGN, pair)).toEqual({ unassignJudge: true });
      const after = await ok<{
        competitionAssignments: ConnectionData<{ proposalId: string; judgeId: string }>;
      }>(admin, ASSIGNMENTS, { c: competitionId, n: 100 });
      expect(after.competitionAssignments.totalCount).toBe(ENTRIES);
      expect(
        after.competitionAssignments.edges.some(
          (edge) => edge.node.proposalId === entry && edge.node.judgeId === secondJudge.memberId,
        ),
      ).toBe(false);
    });

    it("loads a judge's page of assignments in as many queries whatever its size", async () => {
      const mine = await ok<{ myAssignments: ConnectionData<{ proposalId: string }> }>(judge, MINE, {
        n: 100,
      });
      const count = mine.myAssignments.totalCount;
      expect(count).toBeGreaterThanOrEqual(4);
      expect(mine.myAssignments.edges).toHaveLength(count);
      const page = (n: number) =>
        countQueries(subgraph.dataSource, () => subgraph.execute(judge, MINE, { n }));
      const two = await page(2);
      const all = await page(count);
      expect(two.result.errors).toBeUndefined();
      expect(all.result.errors).toBeUndefined();
      const edges = (all.result.data as { myAssignments: ConnectionData<{ title: string; version: number }> })
        .myAssignments.edges;
      expect(edges).toHaveLength(count);
      expect(edges.every((edge) => edge.node.title.startsWith('Entry ') && edge.node.version === 1)).toBe(
        true,
      );
      expect(all.queries.length).toBe(two.queries.length);
      expect(await refusal(member, MINE, { n: 2 })).toBe('FORBIDDEN');
    });

    it('names the judge and the entry of each assignment and conflict, a page in as many queries as two', async () => {
      const NAMED = `query($c: ID!, $n: Int) {
        competitionAssignments(competitionId: $c, first: $n) {
          edges { node { proposalId judgeId judge { id } proposal { id title } } }
        }
      }`;
      type Named = {
        competitionAssignments: ConnectionData<{
          proposalId: string;
          judgeId: string;
          judge: { id: string };
          proposal: { id: string; title: string } | null;
        }>;
      };
      const page = (n: number) =>
        countQueries(subgraph.dataSource, () => ok<Named>(admin, NAMED, { c: competitionId, n }));
      const two = await page(2);
      const all = await page(100);
      expect(all.queries.length).toBe(two.queries.length);
      const titles = new Map(entries.map((id, index) => [id, `Entry ${index}`]));
      for (const { node } of all.result.competitionAssignments.edges) {
        expect(node.judge).toEqual({ id: node.judgeId });
        expect(node.proposal).toEqual({ id: node.proposalId, title: titles.get(node.proposalId) });
      }

      // a judge's own declaration names the judge, but not an entry the judge may not read
      const DECLARE = `mutation($p: ID!) { declareConflict(proposalId: $p, reason: "Former supervisor") {
        judge { id } proposal { title }
      } }`;
      const declared = await ok<{ declareConflict: unknown }>(judge, DECLARE, { p: entries[0] });
      expect(declared.declareConflict).toEqual({ judge: { id: judge.memberId }, proposal: null });
      const CONFLICTS = `query($c: ID!) { competitionConflicts(competitionId: $c, first: 10) {
        edges { node { judge { id } proposal { title } } }
      } }`;
      const conflicts = await ok<{
        competitionConflicts: ConnectionData<{ judge: { id: string }; proposal: { title: string } | null }>;
      }>(admin, CONFLICTS, { c: competitionId });
      expect(conflicts.competitionConflicts.edges.map((edge) => edge.node)).toContainEqual({
        judge: { id: judge.memberId },
        proposal: { title: 'Entry 0' },
      });
    });

    // runs after the judge declared a conflict with Entry 0 (above)
    it('refuses by hand, naming judgeId and the rule, every judge the picker shows as refused, from the same check', async () => {
      // a lead who is also a judge (on Entry 1's team), and a judge whose role was revoked since joining the pool
      const teamJudge = leads[1];
      await subgraph.dataSource.query(
        `INSERT INTO member_role_replica (member_id, role, institution_key, institution_id) VALUES ($1, 'judge', '', NULL)`,
        [teamJudge],
      );
      const revoked = randomUUID();
      await seedReplicaMember(subgraph.dataSource, revoked, { roles: ['judge'] });
      for (const memberId of [teamJudge, revoked]) {
        await ok(
          admin,
          'mutation($c: ID!, $m: ID!) { addJudge(competitionId: $c, memberId: $m) { addedAt } }',
          {
            c: competitionId,
            m: memberId,
          },
        );
      }
      await subgraph.dataSource.query(`DELETE FROM member_role_replica WHERE member_id = $1`, [revoked]);

      const PICKER = `query($c: ID!, $p: ID, $n: Int) {
        competitionJudges(competitionId: $c, proposalId: $p, first: $n) {
          edges { node { judge { id } handAssignment { allowed refusals { rule conflictKinds message } } } }
        }
      }`;
      type Picker = {
        competitionJudges: ConnectionData<{
          judge: { id: string };
          handAssignment: {
            allowed: boolean;
            refusals: Array<{ rule: string; conflictKinds: string[]; message: string }>;
          } | null;
        }>;
      };
      const checks = async (p: string) =>
        new Map(
          (await ok<Picker>(admin, PICKER, { c: competitionId, p, n: 100 })).competitionJudges.edges.map(
            (edge) => [edge.node.judge.id, edge.node.handAssignment],
          ),
        );
      const assigned = await ok<{
        competitionAssignments: ConnectionData<{ proposalId: string; judgeId: string }>;
      }>(admin, ASSIGNMENTS, { c: competitionId, n: 100 });
      const judgesOf = (p: string) =>
        assigned.competitionAssignments.edges
          .filter((e) => e.node.proposalId === p)
          .map((e) => e.node.judgeId);

      // the judge who declared a conflict with Entry 0
      const onEntry0 = await checks(entries[0]);
      expect(onEntry0.get(judge.memberId)).toMatchObject({
        allowed: false,
        refusals: [{ rule: 'CONFLICT_OF_INTEREST', conflictKinds: ['DECLARED_BY_JUDGE'] }],
      });
      const declared = await subgraph.execute(admin, ASSIGN, { p: entries[0], j: judge.memberId });
      expect(declared.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'CONFLICT_OF_INTEREST',
        fields: [{ field: 'judgeId', rule: 'CONFLICT_OF_INTEREST' }],
      });
      expect(onEntry0.get(revoked)).toMatchObject({ allowed: false, refusals: [{ rule: 'NO_JUDGE_ROLE' }] });
      const noRole = await subgraph.execute(admin, ASSIGN, { p: entries[0], j: revoked });
      expect(noRole.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'judgeId', rule: 'NO_JUDGE_ROLE' }],
      });

      // the judge on Entry 1's own team; the judge already reviewing it
      const onEntry1 = await checks(entries[1]);
      expect(onEntry1.get(teamJudge)).toMatchObject({
        allowed: false,
        refusals: [{ rule: 'CONFLICT_OF_INTEREST', conflictKinds: ['JUDGE_ON_TEAM'] }],
      });
      const ownTeam = await subgraph.execute(admin, ASSIGN, { p: entries[1], j: teamJudge });
      expect(ownTeam.errors?.[0]?.extensions).toMatchObject({
        reason: 'CONFLICT_OF_INTEREST',
        fields: [{ field: 'judgeId', rule: 'CONFLICT_OF_INTEREST' }],
      });
      for (const reviewer of judgesOf(entries[1])) {
        expect(onEntry1.get(reviewer)).toMatchObject({
          allowed: false,
          refusals: [{ rule: 'ALREADY_ASSIGNED', conflictKinds: [] }],
        });
      }
      // every judge the picker allows, the server accepts (and takes back)
      const free = [...onEntry1].filter(([, check]) => check?.allowed).map(([id]) => id);
      expect(free.length).toBeGreaterThan(0);
      for (const j of free) {
        await ok(admin, ASSIGN, { p: entries[1], j });
        await ok(admin, UNASSIGN, { p: entries[1], j });
      }

      // without an entry there is nothing to check; an entry of no competition of this pool is bad input
      const plain = await ok<Picker>(admin, PICKER, { c: competitionId, n: 100 });
      expect(plain.competitionJudges.edges.every((edge) => edge.node.handAssignment === null)).toBe(true);
      const foreign = await subgraph.execute(admin, PICKER, { c: competitionId, p: randomUUID(), n: 2 });
      expect(foreign.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'proposalId', rule: 'entryOfCompetition' }],
      });
      // a page of the pool is checked in as many queries whatever its size
      const page = (n: number) =>
        countQueries(subgraph.dataSource, () =>
          ok<Picker>(admin, PICKER, { c: competitionId, p: entries[1], n }),
        );
      const two = await page(2);
      const all = await page(100);
      expect(all.result.competitionJudges.edges).toHaveLength(4);
      expect(all.queries.length).toBe(two.queries.length);
    });
  });
});
