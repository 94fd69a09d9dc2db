import { randomUUID } from 'node:crypto';
import { MentorshipMastermindGroupFormedV1, parseEvent, type Role } from '@praxis/contracts';
import { loadConfig } from '@praxis/platform/config';
import {
  countQueries,
  errorCodeOf,
  executeOk,
  keyTypesWithoutReferenceResolver,
  seedReplicaMember,
  startSubgraphHarness,
  type Caller,
  type ConnectionData,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { CoachingWorkshopEntity, mentorshipDatabase } from '@praxis/mentorship/data-access';
import { MentorshipFeatureModule } from './mentorship-feature.module';
import { matchWeightsEnvShape, mentorshipOptionsFromEnv } from './mentorship.options';

const GROUPS = 12;
const SESSIONS = 8;
const CREATE_GROUP = `mutation($input: CreateMastermindGroupInput!) { createMastermindGroup(input: $input) { id } }`;
const MY_GROUPS = `query($n: Int) {
  myMastermindGroups(first: $n) {
    totalCount edges { node { id name size distinctStages stageMix { stage count } openNextSteps { text } } }
  }
}`;
const RECORD = `mutation($g: ID!, $input: MastermindSessionInput!) { recordMastermindSession(groupId: $g, input: $input) { id } }`;
const SESSIONS_OF = `query($g: ID!, $n: Int) {
  mastermindSessions(groupId: $g, first: $n) {
    totalCount edges { node { id heldAt nextSteps { text } carriedOver { text } averageRating } }
  }
}`;
const MENTEE_PROFILE = `query { myMenteeProfile { member { id } goals preferOtherInstitution } }`;
const MATCH_RUN = `query($id: ID!) {
  matchRun(id: $id) { id status proposals { mentee { id } mentor { id } } unmatched { mentee { id } reason } }
}`;

/**
 * Mentorship's programmes in-process through GraphQL operations: mastermind groups and their sessions (a page
 * of N costs what a page of 2 costs), the mentee profile and a match run, each with the role it requires.
 */
describe('mentorship subgraph in-process: mastermind groups, profiles and match runs', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  const facilitator = { memberId: randomUUID() };
  const peers = [randomUUID(), randomUUID(), randomUUID()];
  const outsider = { memberId: randomUUID() };
  const mentor = { memberId: randomUUID(), roles: ['mentor' as const] };
  const groupIds: string[] = [];

  const replicaMember = (memberId: string, careerStage: string, roles: Role[] = []) =>
    seedReplicaMember(subgraph.dataSource, memberId, { careerStage, roles });
  const ok = <T>(caller: Caller, query: string, variables = {}) =>
    executeOk<T>(subgraph, caller, query, variables);
  const refusal = (caller: Caller, query: string, variables = {}) =>
    errorCodeOf(subgraph, caller, query, variables);

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'mentorship_programmes',
      database: mentorshipDatabase,
      feature: () =>
        MentorshipFeatureModule.forRoot(mentorshipOptionsFromEnv(loadConfig(matchWeightsEnvShape, {}))),
    });
    await replicaMember(admin.memberId, 'CONSULTANT', ['admin']);
    await replicaMember(facilitator.memberId, 'CONSULTANT');
    await replicaMember(outsider.memberId, 'MEDICAL_STUDENT');
    await replicaMember(mentor.memberId, 'CONSULTANT', ['mentor']);
    for (const [index, peer] of peers.entries()) {
      await replicaMember(peer, index === 0 ? 'MEDICAL_STUDENT' : 'RESIDENT');
    }
    for (let i = 0; i < GROUPS; i += 1) {
      const created = await ok<{ createMastermindGroup: { id: string } }>(facilitator, CREATE_GROUP, {
        input: { name: `Group ${i}`, facilitatorId: facilitator.memberId, memberIds: peers },
      });
      groupIds.push(created.createMastermindGroup.id);
    }
    for (let i = 0; i < SESSIONS; i += 1) {
      await ok(facilitator, RECORD, {
        g: groupIds[0],
        input: {
          heldAt: new Date(Date.now() - (SESSIONS - i) * 86_400_000).toISOString(),
          attendeeIds: [facilitator.memberId, ...peers],
          nextSteps: [{ memberId: peers[i % peers.length], text: `Step ${i}` }],
        },
      });
    }
  }, 180000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('forms a group with its tags and publishes only its public fields for communities to list', async () => {
    // people of its own, so the other tests' counts of groups stay as they are
    const [lead, ...others] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const memberId of [lead, ...others]) await replicaMember(memberId, 'RESIDENT');
    const created = await ok<{ createMastermindGroup: { id: string; tags: string[] } }>(
      { memberId: lead },
      `mutation($input: CreateMastermindGroupInput!) { createMastermindGroup(input: $input) { id tags } }`,
      {
        input: {
          name: 'Assessment peers',
          facilitatorId: lead,
          memberIds: others,
          tags: [' Assessment', 'assessment ', 'Digital   Health'],
        },
      },
    );
    expect(created.createMastermindGroup.tags).toEqual(['assessment', 'digital health']);
    const rows: Array<{ envelope: unknown }> = await subgraph.dataSource.query(
      `SELECT envelope FROM outbox WHERE topic = $1 AND message_key = $2`,
      [MentorshipMastermindGroupFormedV1.topic, created.createMastermindGroup.id],
    );
    expect(rows).toHaveLength(1);
    const parsed = parseEvent(MentorshipMastermindGroupFormedV1, rows[0].envelope);
    expect(parsed.ok && parsed.event.payload).toEqual({
      groupId: created.createMastermindGroup.id,
      name: 'Assessment peers',
      tags: ['assessment', 'digital health'],
      cadenceDays: 28,
      size: 4,
      formedAt: expect.any(String),
    });
    // who is in the group stays in mentorship
    for (const memberId of others) expect(JSON.stringify(rows[0].envelope)).not.toContain(memberId);
  });

  it('loads a page of 12 groups with their stage mix and open steps in as many queries as a page of 2', async () => {
    const page = (n: number) =>
      countQueries(subgraph.dataSource, () => subgraph.execute(facilitator, MY_GROUPS, { n }));
    const two = await page(2);
    const twelve = await page(GROUPS);
    expect(two.result.errors).toBeUndefined();
    expect(twelve.result.errors).toBeUndefined();
    const groups = (
      twelve.result.data as {
        myMastermindGroups: ConnectionData<{
          id: string;
          size: number;
          distinctStages: number;
          stageMix: Array<{ stage: string; count: number }>;
          openNextSteps: Array<{ text: string }>;
        }>;
      }
    ).myMastermindGroups;
    expect(groups.totalCount).toBe(GROUPS);
    expect(groups.edges).toHaveLength(GROUPS);
    for (const { node } of groups.edges) {
      expect(node.size).toBe(4);
      expect(node.distinctStages).toBe(3);
      expect(node.openNextSteps).toHaveLength(node.id === groupIds[0] ? SESSIONS : 0);
    }
    expect(twelve.queries.length).toBe(two.queries.length);
  });

  it('shows a member only the groups they belong to', async () => {
    const mine = await ok<{ myMastermindGroups: ConnectionData<unknown> }>(outsider, MY_GROUPS, { n: 5 });
    expect(mine.myMastermindGroups.totalCount).toBe(0);
    const ofPeer = await ok<{ myMastermindGroups: ConnectionData<unknown> }>(
      { memberId: peers[1] },
      MY_GROUPS,
      {
        n: 5,
      },
    );
    expect(ofPeer.myMastermindGroups.totalCount).toBe(GROUPS);
    expect(await refusal(null, MY_GROUPS, { n: 5 })).toBe('UNAUTHENTICATED');
  });

  it("loads a page of 8 sessions with steps and ratings in as many queries as a page of 2, for the group's members only", async () => {
    const page = (n: number) =>
      countQueries(subgraph.dataSource, () =>
        subgraph.execute(facilitator, SESSIONS_OF, { g: groupIds[0], n }),
      );
    const two = await page(2);
    const eight = await page(SESSIONS);
    expect(two.result.errors).toBeUndefined();
    expect(eight.result.errors).toBeUndefined();
    const sessions = (
      eight.result.data as {
        mastermindSessions: ConnectionData<{ nextSteps: Array<{ text: string }>; carriedOver: unknown[] }>;
      }
    ).mastermindSessions;
    expect(sessions.totalCount).toBe(SESSIONS);
    // newest first: the latest session set the last step and carries over every earlier one
    expect(sessions.edges.map((edge) => edge.node.nextSteps.map((step) => step.text))).toEqual(
      Array.from({ length: SESSIONS }, (_, i) => [`Step ${SESSIONS - 1 - i}`]),
    );
    expect(sessions.edges[0].node.carriedOver).toHaveLength(SESSIONS - 1);
    expect(eight.queries.length).toBe(two.queries.length);
    expect(await refusal(outsider, SESSIONS_OF, { g: groupIds[0], n: 2 })).toBe('NOT_FOUND');
  });

  it('refuses a session that would leave a member more than five open next steps, naming input.nextSteps', async () => {
    // peers[0] carries three open steps in group 0 (sessions 0, 3 and 6)
    const refused = await subgraph.execute(facilitator, RECORD, {
      g: groupIds[0],
      input: {
        heldAt: new Date(Date.now() - 60_000).toISOString(),
        attendeeIds: [facilitator.memberId, ...peers],
        nextSteps: [1, 2, 3].map((n) => ({ memberId: peers[0], text: `One more ${n}` })),
      },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.nextSteps', rule: 'maxOpenPerMember' }],
    });
    const sessions = await ok<{ mastermindSessions: ConnectionData<unknown> }>(facilitator, SESSIONS_OF, {
      g: groupIds[0],
      n: 1,
    });
    expect(sessions.mastermindSessions.totalCount).toBe(SESSIONS);
  });

  it('answers myMenteeProfile with null until the member writes one, then with their own', async () => {
    const mentee = { memberId: peers[2] };
    expect(await ok(mentee, MENTEE_PROFILE)).toEqual({ myMenteeProfile: null });
    await ok(
      mentee,
      `mutation($input: MenteeProfileInput!) { upsertMenteeProfile(input: $input) { member { id } } }`,
      { input: { goals: ['Publish a first paper'], preferOtherInstitution: true } },
    );
    expect(await ok(mentee, MENTEE_PROFILE)).toEqual({
      myMenteeProfile: {
        member: { id: mentee.memberId },
        goals: ['Publish a first paper'],
        preferOtherInstitution: true,
      },
    });
    expect(await ok(facilitator, MENTEE_PROFILE)).toEqual({ myMenteeProfile: null });
    expect(await refusal(null, MENTEE_PROFILE)).toBe('UNAUTHENTICATED');
  });

  it('shows a match run to admins only', async () => {
    await ok(
      mentor,
      `mutation($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { capacity } }`,
      { input: { capacity: 2 } },
    );
    const run = await ok<{ runMatching: { id: string } }>(
      admin,
      `mutation($input: RunMatchingInput!) { runMatching(input: $input) { id } }`,
      { input: { menteeIds: [peers[0], randomUUID()], mentorIds: [mentor.memberId] } },
    );
    const shown = await ok<{ matchRun: Record<string, unknown> }>(admin, MATCH_RUN, {
      id: run.runMatching.id,
    });
    expect(shown.matchRun).toMatchObject({
      id: run.runMatching.id,
      status: 'PROPOSED',
      proposals: [{ mentee: { id: peers[0] }, mentor: { id: mentor.memberId } }],
      unmatched: [{ reason: 'NOT_REPLICATED' }],
    });
    expect(await refusal(mentor, MATCH_RUN, { id: run.runMatching.id })).toBe('FORBIDDEN');
    expect(await refusal(admin, MATCH_RUN, { id: randomUUID() })).toBe('NOT_FOUND');
  });

  it('lists match runs to admins newest first, a page at a time, optionally of one status', async () => {
    const runIds: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const run = await ok<{ runMatching: { id: string } }>(
        admin,
        `mutation($input: RunMatchingInput!) { runMatching(input: $input) { id } }`,
        { input: { menteeIds: [peers[2]], mentorIds: [mentor.memberId] } },
      );
      runIds.push(run.runMatching.id);
    }
    await ok(admin, `mutation($r: ID!) { approveMatchRun(runId: $r) { id } }`, { r: runIds[0] });
    const RUNS = `query($s: MatchRunStatus, $n: Int, $a: String) {
      matchRuns(status: $s, first: $n, after: $a) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id status proposals { mentee { id } mentor { id } } } }
      }
    }`;
    type Runs = {
      matchRuns: ConnectionData<{ id: string; status: string; proposals: unknown[] }> & {
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await ok<Runs>(admin, RUNS, { n: 2 });
    expect(first.matchRuns.edges.map((edge) => edge.node.id)).toEqual([runIds[2], runIds[1]]);
    expect(first.matchRuns.edges[0].node.proposals).toEqual([
      { mentee: { id: peers[2] }, mentor: { id: mentor.memberId } },
    ]);
    expect(first.matchRuns.pageInfo.hasNextPage).toBe(true);
    const next = await ok<Runs>(admin, RUNS, { n: 2, a: first.matchRuns.pageInfo.endCursor });
    expect(next.matchRuns.edges[0].node).toMatchObject({ id: runIds[0], status: 'APPROVED' });
    const proposed = await ok<Runs>(admin, RUNS, { s: 'PROPOSED', n: 50 });
    expect(proposed.matchRuns.edges.map((edge) => edge.node.id)).not.toContain(runIds[0]);
    expect(proposed.matchRuns.edges.every((edge) => edge.node.status === 'PROPOSED')).toBe(true);
    expect(await refusal(mentor, RUNS, { n: 2 })).toBe('FORBIDDEN');
    expect(await refusal(admin, RUNS, { n: 2, a: 'not a cursor' })).toBe('BAD_USER_INPUT');
  });

  it('has a reference resolver for every entity type it declares', () => {
    expect(keyTypesWithoutReferenceResolver(subgraph.schema)).toEqual([]);
  });

  it('resolves references to its five entity types for whoever may read them, in as many queries for 8 as for 2', async () => {
    const relationship = await ok<{ requestMentor: { id: string } }>(
      { memberId: peers[1] },
      `mutation($input: RequestMentorInput!) { requestMentor(input: $input) { id } }`,
      { input: { mentorId: mentor.memberId, message: 'Would you mentor me?' } },
    );
    // coached by a resident
    const workshop = await ok<{ createCoachingWorkshop: { id: string } }>(
      { memberId: peers[1] },
      `mutation($input: CreateWorkshopInput!) { createCoachingWorkshop(input: $input) { id } }`,
      {
        input: {
          coachGraduationYear: new Date().getUTCFullYear() - 1,
          title: 'CV clinic',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
    );
    const run = await ok<{ runMatching: { id: string } }>(
      admin,
      `mutation($input: RunMatchingInput!) { runMatching(input: $input) { id } }`,
      { input: { menteeIds: [peers[0]], mentorIds: [mentor.memberId] } },
    );
    const sessions = await ok<{ mastermindSessions: ConnectionData<{ id: string }> }>(
      facilitator,
      SESSIONS_OF,
      {
        g: groupIds[0],
        n: SESSIONS,
      },
    );
    const sessionIds = sessions.mastermindSessions.edges.map((edge) => edge.node.id);
    const REFERENCES = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Relationship { id status }
      ... on MatchRun { id runStatus: status }
      ... on MastermindGroup { id name }
      ... on MastermindSession { id nextSteps { text } }
      ... on CoachingWorkshop { id title }
    } }`;
    const representations = [
      { __typename: 'Relationship', id: relationship.requestMentor.id },
      { __typename: 'MatchRun', id: run.runMatching.id },
      { __typename: 'MastermindGroup', id: groupIds[0] },
      { __typename: 'MastermindSession', id: sessionIds[0] },
      { __typename: 'CoachingWorkshop', id: workshop.createCoachingWorkshop.id },
    ];
    const byAdmin = await ok<{ _entities: unknown[] }>(admin, REFERENCES, { r: representations });
    expect(byAdmin._entities).toEqual([
      { id: relationship.requestMentor.id, status: 'REQUESTED' },
      { id: run.runMatching.id, runStatus: 'PROPOSED' },
      { id: groupIds[0], name: 'Group 0' },
      { id: sessionIds[0], nextSteps: [{ text: `Step ${SESSIONS - 1}` }] },
      { id: workshop.createCoachingWorkshop.id, title: 'CV clinic' },
    ]);
    // a member of the group who is neither party to the relationship nor an admin
    const byFacilitator = await ok<{ _entities: unknown[] }>(facilitator, REFERENCES, { r: representations });
    expect(byFacilitator._entities.map((entity) => entity !== null)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    const byOutsider = await ok<{ _entities: unknown[] }>(outsider, REFERENCES, { r: representations });
    expect(byOutsider._entities.map((entity) => entity !== null)).toEqual([false, false, false, false, true]);
    const byMentee = await ok<{ _entities: unknown[] }>({ memberId: peers[1] }, REFERENCES, {
      r: representations.slice(0, 1),
    });
    expect(byMentee._entities).toEqual([{ id: relationship.requestMentor.id, status: 'REQUESTED' }]);
    const malformed = await subgraph.execute(admin, REFERENCES, {
      r: [{ __typename: 'MatchRun', id: 'nope' }],
    });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'id', rule: 'uuid' }],
    });
    expect(await refusal(null, REFERENCES, { r: representations })).toBe('UNAUTHENTICATED');

    const references = (groups: string[], sessionsOf: string[]) =>
      countQueries(subgraph.dataSource, () =>
        subgraph.execute(facilitator, REFERENCES, {
          r: [
            ...groups.map((id) => ({ __typename: 'MastermindGroup', id })),
            ...sessionsOf.map((id) => ({ __typename: 'MastermindSession', id })),
          ],
        }),
      );
    const two = await references(groupIds.slice(0, 2), sessionIds.slice(0, 2));
    const eight = await references(groupIds.slice(0, 8), sessionIds.slice(0, 8));
    expect((eight.result.data as { _entities: unknown[] })._entities.every((entity) => entity !== null)).toBe(
      true,
    );
    expect(eight.queries.length).toBe(two.queries.length);
  });

  it('refuses to let an enrolled student leave a workshop after it was held, and promotes nobody from the waitlist', async () => {
    const coach = { memberId: peers[1] };
    const [attended, waiting] = [{ memberId: randomUUID() }, { memberId: randomUUID() }];
    for (const student of [attended, waiting]) await replicaMember(student.memberId, 'MEDICAL_STUDENT');
    const { createCoachingWorkshop: workshop } = await ok<{ createCoachingWorkshop: { id: string } }>(
      coach,
      `mutation($input: CreateWorkshopInput!) { createCoachingWorkshop(input: $input) { id } }`,
      {
        input: {
          coachGraduationYear: new Date().getUTCFullYear() - 1,
          title: 'Interview practice',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          capacity: 1,
        },
      },
    );
    const ENROL = 'mutation($id: ID!) { enrolInWorkshop(id: $id) { status waitlistPosition } }';
    expect(await ok(attended, ENROL, { id: workshop.id })).toEqual({
      enrolInWorkshop: { status: 'ENROLLED', waitlistPosition: null },
    });
    expect(await ok(waiting, ENROL, { id: workshop.id })).toEqual({
      enrolInWorkshop: { status: 'WAITLISTED', waitlistPosition: 1 },
    });
    // the workshop took place an hour ago (a start in the past cannot be created through the API)
    await subgraph.dataSource
      .getRepository(CoachingWorkshopEntity)
      .update(workshop.id, { startsAt: new Date(Date.now() - 3_600_000) });
    await ok(coach, 'mutation($id: ID!) { markWorkshopHeld(id: $id) { id } }', { id: workshop.id });

    const leave = await subgraph.execute(
      attended,
      'mutation($id: ID!) { withdrawFromWorkshop(id: $id) { member { id } status } }',
      { id: workshop.id },
    );
    expect(leave.errors?.[0]?.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'WORKSHOP_STARTED',
    });
    const after = await ok<{
      coachingWorkshop: {
        heldAt: string | null;
        enrolledCount: number;
        waitlistCount: number;
        enrolments: Array<{ member: { id: string }; status: string; waitlistPosition: number | null }>;
      };
    }>(
      coach,
      `query($id: ID!) { coachingWorkshop(id: $id) {
        heldAt enrolledCount waitlistCount enrolments { member { id } status waitlistPosition }
      } }`,
      { id: workshop.id },
    );
    expect(after.coachingWorkshop.heldAt).not.toBeNull();
    expect(after.coachingWorkshop.enrolledCount).toBe(1);
    expect(after.coachingWorkshop.waitlistCount).toBe(1);
    expect(after.coachingWorkshop.enrolments).toEqual(
      expect.arrayContaining([
        { member: { id: attended.memberId }, status: 'ENROLLED', waitlistPosition: null },
        { member: { id: waiting.memberId }, status: 'WAITLISTED', waitlistPosition: 1 },
      ]),
    );
    expect(after.coachingWorkshop.enrolments).toHaveLength(2);
  });
});
