import { randomUUID } from 'node:crypto';
import { createEvent, MemberProfileUpdatedV1, type EventOf } from '@praxis/contracts';
import {
  errorCodeOf,
  executeOk,
  seedReplicaMember,
  startSubgraphHarness,
  type ConnectionData,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { proposalsMemberReplicaHooks } from './handlers/proposals-member-replica.hooks';
import { refreshConflictsWhenInstitutionChanges } from './handlers/refresh-conflicts-when-institution-changes.handler';
import { createLogger } from '@praxis/platform/observability';
import { ProposalsFeatureModule } from './proposals-feature.module';
import { openCompetition, startJudging, submitEntry } from './testing/entries';
import {
  assignmentsOf as assignmentsIn,
  auditLinesOf,
  reviewCountsOf,
  startReplicaFeed,
  type ReplicaFeed,
} from './testing/replica-feed';

const logger = createLogger('institution-moves-test', process.env.TEST_LOG_LEVEL ?? 'silent');

const CONFLICTS = `query($c: ID!) { competitionConflicts(competitionId: $c, first: 100) {
  edges { node { proposalId judgeId kind reason } }
} }`;
const PICKER = `query($c: ID!, $p: ID) { competitionJudges(competitionId: $c, proposalId: $p, first: 100) {
  edges { node { judge { id } handAssignment { refusals { conflictKinds } } } }
} }`;
const ASSIGN = `mutation($p: ID!, $j: ID!) { assignJudge(proposalId: $p, judgeId: $j) { proposalId } }`;
const OPEN_AS_JUDGE = `query($p: ID!) { assignedProposal(proposalId: $p) { proposalId } }`;
const MY_ASSIGNMENTS = `query($c: ID) { myAssignments(competitionId: $c, first: 100) { totalCount } }`;
const SCORE = `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { proposalId } }`;

type Conflict = { proposalId: string; judgeId: string; kind: string; reason: string };
type Picker = {
  competitionJudges: ConnectionData<{
    judge: { id: string };
    handAssignment: { refusals: Array<{ conflictKinds: string[] }> } | null;
  }>;
};

/**
 * A member who changes institution, as membership publishes it, through proposals' real member-replica consumer
 * (real PostgreSQL, the local broker): the recorded same-institution conflicts of every competition still being
 * judged follow the move, agree with the judge picker, and are written once however often the move arrives;
 * a competition whose results are published keeps what it recorded.
 */
describe('proposals: recorded conflicts follow a member who changes institution', () => {
  let subgraph: SubgraphHarness;
  let feed: ReplicaFeed;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  const [i1, i2, i3] = [randomUUID(), randomUUID(), randomUUID()];
  const judgeJ = randomUUID(); // at I1, moves to I3
  const judgeK = randomUUID(); // at I2
  const applicantA = randomUUID(); // at I1
  const applicantB = randomUUID(); // at I3, moves to I2
  let live: string;
  let frozen: string;
  let entryA: string;
  let entryB: string;
  let frozenEntry: string;

  const ok = <T>(query: string, variables: Record<string, unknown>) =>
    executeOk<T>(subgraph, admin, query, variables);

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'proposals_institution_moves',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
    const { dataSource } = subgraph;
    await seedReplicaMember(dataSource, admin.memberId, { roles: ['admin'] });
    await seedReplicaMember(dataSource, judgeJ, { institutionId: i1, roles: ['judge'] });
    await seedReplicaMember(dataSource, judgeK, { institutionId: i2, roles: ['judge'] });
    await seedReplicaMember(dataSource, applicantA, { institutionId: i1 });
    await seedReplicaMember(dataSource, applicantB, { institutionId: i3 });

    const judged = async (title: string, teams: string[]) => {
      const competitionId = await openCompetition(subgraph, admin, { title, judgeMaxLoad: 5 });
      const entries: string[] = [];
      for (const lead of teams)
        entries.push(await submitEntry(subgraph, competitionId, `${title} entry`, [lead]));
      await startJudging(subgraph, admin, competitionId);
      for (const judge of [judgeJ, judgeK]) {
        await ok('mutation($c: ID!, $m: ID!) { addJudge(competitionId: $c, memberId: $m) { addedAt } }', {
          c: competitionId,
          m: judge,
        });
      }
      return { competitionId, entries };
    };
    ({
      competitionId: live,
      entries: [entryA, entryB],
    } = await judged('Live call', [applicantA, applicantB]));
    ({
      competitionId: frozen,
      entries: [frozenEntry],
    } = await judged('Finished call', [applicantA]));
    await ok(ASSIGN, { p: frozenEntry, j: judgeK });
    // publication itself is covered by judging-integrity; here only its phase matters
    await dataSource.query(`UPDATE competition SET phase = 'RESULTS_PUBLISHED' WHERE id = $1`, [frozen]);

    // proposals' consumer with the hooks apps/proposals wires
    feed = await startReplicaFeed(subgraph, proposalsMemberReplicaHooks, logger);
  }, 180000);

  afterAll(async () => {
    await feed?.stop();
    await subgraph?.close();
  });

  function moved(memberId: string, institutionId: string, sequence: number) {
    return createEvent(
      MemberProfileUpdatedV1,
      { aggregateId: memberId, actorId: memberId, correlationId: randomUUID(), sequence },
      {
        memberId,
        displayName: `Member ${memberId.slice(0, 4)}`,
        careerStage: 'RESIDENT',
        institutionId,
        specialty: null,
        interests: [],
        changedFields: ['institutionId'],
      },
    );
  }

  const deliver = (...events: Array<EventOf<typeof MemberProfileUpdatedV1>>) =>
    feed.deliver(MemberProfileUpdatedV1, ...events);

  /**
   * Two moves applied side by side, each in a transaction of its own through the replica's handler: both replica
   * rows are written (uncommitted) before either refresh reads.
   */
  async function sideBySide(
    ...events: [EventOf<typeof MemberProfileUpdatedV1>, EventOf<typeof MemberProfileUpdatedV1>]
  ) {
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothWritten = new Promise<void>((resolve) => (release = resolve));
    const apply = feed.handlerOf(MemberProfileUpdatedV1, {
      onInstitutionChanged: async (changes, manager) => {
        arrived += 1;
        if (arrived === events.length) release();
        await bothWritten;
        await refreshConflictsWhenInstitutionChanges(changes, manager);
      },
    });
    await Promise.all(events.map(apply));
  }

  /** A competition's assignments as the admin sees them, `entry:judge:reviewStarted`. */
  const assignmentsOf = (competitionId: string) => assignmentsIn(subgraph, admin, competitionId);

  /** The recorded same-institution pairs of a competition, as an admin reads them. */
  async function recorded(competitionId: string): Promise<string[]> {
    const page = await ok<{ competitionConflicts: ConnectionData<Conflict> }>(CONFLICTS, {
      c: competitionId,
    });
    return page.competitionConflicts.edges
      .map((edge) => edge.node)
      .filter((node) => node.kind === 'SAME_INSTITUTION')
      .map((node) => `${node.proposalId}:${node.judgeId}`)
      .sort();
  }

  /** The same pairs as the judge picker refuses them, entry by entry. */
  async function refusedByPicker(competitionId: string, entries: string[]): Promise<string[]> {
    const pairs: string[] = [];
    for (const p of entries) {
      const picker = await ok<Picker>(PICKER, { c: competitionId, p });
      for (const { node } of picker.competitionJudges.edges) {
        const kinds = node.handAssignment?.refusals.flatMap((refusal) => refusal.conflictKinds) ?? [];
        if (kinds.includes('SAME_INSTITUTION')) pairs.push(`${p}:${node.judge.id}`);
      }
    }
    return pairs.sort();
  }

  async function auditOf(competitionId: string) {
    const log = await auditLinesOf(subgraph, admin, competitionId);
    return log.filter((line) => line.action.startsWith('CONFLICT_'));
  }

  it('clears the conflicts a move ends and records the ones it starts, in every competition still being judged', async () => {
    expect(await recorded(live)).toEqual([`${entryA}:${judgeJ}`]);
    expect(await recorded(frozen)).toEqual([`${frozenEntry}:${judgeJ}`]);

    // the judge leaves I1 (the applicant A's) for I3 (the applicant B's)
    await deliver(moved(judgeJ, i3, 2));
    expect(await recorded(live)).toEqual([`${entryB}:${judgeJ}`]);
    expect(await recorded(live)).toEqual(await refusedByPicker(live, [entryA, entryB]));
    // results published: the record stays as it was when they were
    expect(await recorded(frozen)).toEqual([`${frozenEntry}:${judgeJ}`]);

    // the applicant B moves to I2, the judge K's
    await deliver(moved(applicantB, i2, 2));
    expect(await recorded(live)).toEqual([`${entryB}:${judgeK}`]);
    expect(await recorded(live)).toEqual(await refusedByPicker(live, [entryA, entryB]));

    const conflicts = await ok<{ competitionConflicts: ConnectionData<Conflict> }>(CONFLICTS, { c: live });
    expect(conflicts.competitionConflicts.edges.map((edge) => edge.node)).toEqual([
      {
        proposalId: entryB,
        judgeId: judgeK,
        kind: 'SAME_INSTITUTION',
        reason: `The judge works at the same institution (${i2}) as team member ${applicantB}.`,
      },
    ]);

    // each change is in the audit log (after the one conflict recorded when J joined), saying who moved
    const log = await auditOf(live);
    expect(log).toHaveLength(5);
    expect(log.slice(0, 4)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'CONFLICT_RECORDED',
          proposalId: entryB,
          judgeId: judgeK,
          detail: expect.objectContaining({ kind: 'SAME_INSTITUTION', memberIds: [applicantB] }),
        }),
        expect.objectContaining({
          action: 'CONFLICT_CLEARED',
          proposalId: entryB,
          judgeId: judgeJ,
          detail: expect.objectContaining({ kind: 'SAME_INSTITUTION', memberIds: [applicantB] }),
        }),
        expect.objectContaining({
          action: 'CONFLICT_RECORDED',
          proposalId: entryB,
          judgeId: judgeJ,
          detail: expect.objectContaining({ kind: 'SAME_INSTITUTION', memberIds: [judgeJ] }),
        }),
        expect.objectContaining({
          action: 'CONFLICT_CLEARED',
          proposalId: entryA,
          judgeId: judgeJ,
          detail: expect.objectContaining({ kind: 'SAME_INSTITUTION', memberIds: [judgeJ] }),
        }),
      ]),
    );
    expect(await auditOf(frozen)).toHaveLength(1);
  });

  it('changes nothing more when the same move arrives again, under its own or a new id, or is applied again', async () => {
    const before = { conflicts: await recorded(live), audit: await auditOf(live) };
    const again = moved(applicantB, i2, 2);
    // a relay's retry of the same sequence under a new id, a profile change that keeps the institution
    await deliver(again, { ...again, eventId: randomUUID() }, moved(applicantB, i2, 3));
    await deliver(again);
    // and the refresh itself run again for a move already applied
    await subgraph.dataSource.transaction((manager) =>
      refreshConflictsWhenInstitutionChanges(
        [{ memberId: applicantB, previousInstitutionId: i3, institutionId: i2 }],
        manager,
      ),
    );
    expect({ conflicts: await recorded(live), audit: await auditOf(live) }).toEqual(before);
  });

  it('gives two moves that meet in one competition one outcome, refreshing side by side', async () => {
    // the judge K and the applicant A move to the same new institution at the same moment: each refresh must
    // see the other's move, or neither records the conflict they now share
    const i4 = randomUUID();
    await sideBySide(moved(judgeK, i4, 5), moved(applicantA, i4, 5));
    expect(await recorded(live)).toEqual([`${entryA}:${judgeK}`]);
    expect(await recorded(live)).toEqual(await refusedByPicker(live, [entryA, entryB]));
    const log = await auditOf(live);
    expect(log.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'CONFLICT_RECORDED', proposalId: entryA, judgeId: judgeK }),
        expect.objectContaining({ action: 'CONFLICT_CLEARED', proposalId: entryB, judgeId: judgeK }),
      ]),
    );
    expect(log).toHaveLength(7);
    // K is now conflicted with the entry of A they judged in the published competition, which stays as it was
    expect(await assignmentsOf(frozen)).toEqual([`${frozenEntry}:${judgeK}:false`]);
  });

  describe('an assigned judge a move makes conflicted', () => {
    const [iP, iQ, iR, iX, iY] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const judgeP = { memberId: randomUUID(), roles: ['judge' as const] }; // at iP, moves to iX
    const judgeQ = { memberId: randomUUID(), roles: ['judge' as const] }; // at iQ, scores entry Y
    const judgeR = { memberId: randomUUID(), roles: ['judge' as const] }; // at iR, free
    const applicantX = randomUUID(); // at iX
    const applicantY = randomUUID(); // at iY, moves to iQ
    let competitionId: string;
    let entryX: string;
    let entryY: string;
    let sheet: Array<{ criterionId: string; value: number }>;
    const assigned = () => assignmentsOf(competitionId);

    async function releases() {
      const log = await auditLinesOf(subgraph, admin, competitionId);
      return log.filter((line) => line.action === 'ASSIGNMENT_REMOVED');
    }

    const reviewCounts = () => reviewCountsOf(subgraph, admin, competitionId);

    beforeAll(async () => {
      const { dataSource } = subgraph;
      for (const [judge, institutionId] of [
        [judgeP, iP],
        [judgeQ, iQ],
        [judgeR, iR],
      ] as const) {
        await seedReplicaMember(dataSource, judge.memberId, { institutionId, roles: ['judge'] });
      }
      await seedReplicaMember(dataSource, applicantX, { institutionId: iX });
      await seedReplicaMember(dataSource, applicantY, { institutionId: iY });
      competitionId = await openCompetition(subgraph, admin, { title: 'Assigned call', judgeMaxLoad: 5 });
      entryX = await submitEntry(subgraph, competitionId, 'Entry X', [applicantX]);
      entryY = await submitEntry(subgraph, competitionId, 'Entry Y', [applicantY]);
      await startJudging(subgraph, admin, competitionId);
      for (const judge of [judgeP, judgeQ, judgeR]) {
        await ok('mutation($c: ID!, $m: ID!) { addJudge(competitionId: $c, memberId: $m) { addedAt } }', {
          c: competitionId,
          m: judge.memberId,
        });
      }
      await ok(ASSIGN, { p: entryX, j: judgeP.memberId });
      await ok(ASSIGN, { p: entryY, j: judgeQ.memberId });
      const competition = await ok<{ competition: { criteria: Array<{ id: string }> } }>(
        'query($id: ID!) { competition(id: $id) { criteria { id } } }',
        { id: competitionId },
      );
      sheet = competition.competition.criteria.map((criterion) => ({ criterionId: criterion.id, value: 4 }));
      await executeOk(subgraph, judgeQ, SCORE, {
        input: { proposalId: entryY, scores: sheet, comment: 'scored before the move' },
      });
    }, 60000);

    it('releases the assignment as a declared conflict does, saying which move, so the entry needs a judge again', async () => {
      expect(await assigned()).toEqual(
        [`${entryX}:${judgeP.memberId}:false`, `${entryY}:${judgeQ.memberId}:true`].sort(),
      );
      expect(await reviewCounts()).toMatchObject({ [entryX]: 0, [entryY]: 1 });

      // the judge P moves into the applicant X's institution, before scoring entry X
      await deliver(moved(judgeP.memberId, iX, 2));
      expect(await assigned()).toEqual([`${entryY}:${judgeQ.memberId}:true`]);
      expect(await errorCodeOf(subgraph, judgeP, OPEN_AS_JUDGE, { p: entryX })).toBe('FORBIDDEN');
      const mine = await executeOk<{ myAssignments: { totalCount: number } }>(
        subgraph,
        judgeP,
        MY_ASSIGNMENTS,
        {
          c: competitionId,
        },
      );
      expect(mine.myAssignments.totalCount).toBe(0);

      // the applicant Y moves into the judge Q's institution, after Q scored entry Y: the score goes with the
      // assignment, as it does when a judge declares a conflict after scoring, and stops counting
      await deliver(moved(applicantY, iQ, 2));
      expect(await assigned()).toEqual([]);
      expect(await reviewCounts()).toMatchObject({ [entryX]: 0, [entryY]: 0 });
      expect(
        await errorCodeOf(subgraph, judgeQ, SCORE, {
          input: { proposalId: entryY, scores: sheet, comment: 'again' },
        }),
      ).toBe('FORBIDDEN');

      const released = await releases();
      expect(released).toHaveLength(2);
      expect(released).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            proposalId: entryX,
            judgeId: judgeP.memberId,
            detail: expect.objectContaining({
              reason: 'conflict of interest after an institution change',
              cause: 'institution-changed',
              memberIds: [judgeP.memberId],
              discardedReview: false,
            }),
          }),
          expect.objectContaining({
            proposalId: entryY,
            judgeId: judgeQ.memberId,
            detail: expect.objectContaining({
              cause: 'institution-changed',
              memberIds: [applicantY],
              discardedReview: true,
            }),
          }),
        ]),
      );

      // the same moves again change nothing
      await deliver(moved(judgeP.memberId, iX, 2), { ...moved(applicantY, iQ, 2), eventId: randomUUID() });
      await subgraph.dataSource.transaction((manager) =>
        refreshConflictsWhenInstitutionChanges(
          [{ memberId: judgeP.memberId, previousInstitutionId: iP, institutionId: iX }],
          manager,
        ),
      );
      expect(await releases()).toHaveLength(2);

      // the admin's automatic assignment fills both gaps, with judges the moves did not conflict
      await ok('mutation($c: ID!) { assignJudges(competitionId: $c) { minLoad } }', { c: competitionId });
      const refilled = await assigned();
      expect(refilled).toHaveLength(2);
      expect(refilled).not.toContain(`${entryX}:${judgeP.memberId}:false`);
      expect(refilled).not.toContain(`${entryY}:${judgeQ.memberId}:false`);
    });

    it('releases an assignment once when two moves conflict it side by side', async () => {
      // the judge that automatic assignment gave entry X and the applicant X move to one new institution at once:
      // whichever refresh runs second must see the other's move, and find the assignment released already
      const onX = (await assigned()).find((pair) => pair.startsWith(`${entryX}:`))?.split(':')[1];
      if (!onX) throw new Error('entry X has a judge again');
      const before = (await releases()).length;
      const iZ = randomUUID();
      await sideBySide(moved(onX, iZ, 5), moved(applicantX, iZ, 5));
      expect((await assigned()).filter((pair) => pair.startsWith(`${entryX}:`))).toEqual([]);
      const released = await releases();
      expect(released).toHaveLength(before + 1);
      expect(released[0]).toEqual(
        expect.objectContaining({
          proposalId: entryX,
          judgeId: onX,
          // by whichever of the two moves was refreshed second
          detail: expect.objectContaining({ cause: 'institution-changed' }),
        }),
      );
    });
  });
});
