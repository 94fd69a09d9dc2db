import { randomUUID } from 'node:crypto';
import { loadConfig } from '@praxis/platform/config';
import {
  countQueries,
  executeOk,
  seedReplicaMember,
  startSubgraphHarness,
  type ConnectionData,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { mentorshipDatabase } from '@praxis/mentorship/data-access';
import { MentorshipFeatureModule } from './mentorship-feature.module';
import { matchWeightsEnvShape, mentorshipOptionsFromEnv } from './mentorship.options';

const CREATE = `mutation($input: CreateWorkshopInput!) { createCoachingWorkshop(input: $input) { id } }`;
const UPCOMING = `query($n: Int) {
  upcomingCoachingWorkshops(first: $n) { totalCount edges { node { id enrolledCount enrolments { status } } } }
}`;

/** Mentorship in-process through GraphQL operations: list pages load what their nodes need in one go. */
describe('mentorship subgraph in-process: loaders', () => {
  let subgraph: SubgraphHarness;
  const coach = { memberId: randomUUID() };
  const mentee = { memberId: randomUUID() };

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'mentorship_resolvers',
      database: mentorshipDatabase,
      feature: () =>
        MentorshipFeatureModule.forRoot(mentorshipOptionsFromEnv(loadConfig(matchWeightsEnvShape, {}))),
    });
    await subgraph.dataSource.query(
      `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, interests)
       VALUES ($1, 'Coach', 'FOUNDATION_DOCTOR', $2, '{}')`,
      [coach.memberId, randomUUID()],
    );
    for (let i = 0; i < 8; i += 1) {
      const created = await subgraph.execute(coach, CREATE, {
        input: {
          coachGraduationYear: new Date().getUTCFullYear() - 1,
          title: `Workshop ${i}`,
          startsAt: new Date(Date.now() + (i + 1) * 86_400_000).toISOString(),
        },
      });
      expect(created.errors).toBeUndefined();
    }
    // a mentee in six relationships, each with two check-ins and the mentee's feedback
    await seedReplicaMember(subgraph.dataSource, mentee.memberId);
    for (let i = 0; i < 6; i += 1) {
      const mentor = { memberId: randomUUID(), roles: ['mentor' as const] };
      await seedReplicaMember(subgraph.dataSource, mentor.memberId, {
        careerStage: 'CONSULTANT',
        roles: ['mentor'],
      });
      await executeOk(
        subgraph,
        mentor,
        'mutation { upsertMentorProfile(input: { capacity: 2 }) { capacity } }',
      );
      const requested = await executeOk<{ requestMentor: { id: string } }>(
        subgraph,
        mentee,
        'mutation($m: ID!) { requestMentor(input: { mentorId: $m, message: "Would you mentor me?" }) { id } }',
        { m: mentor.memberId },
      );
      const id = requested.requestMentor.id;
      await executeOk(
        subgraph,
        mentor,
        'mutation($id: ID!) { respondToRequest(id: $id, accept: true) { id } }',
        {
          id,
        },
      );
      // held just now (a check-in cannot predate the relationship's start)
      for (let checkIn = 0; checkIn < 2; checkIn += 1)
        await executeOk(
          subgraph,
          mentee,
          'mutation($id: ID!, $at: DateTime!) { logCheckIn(relationshipId: $id, input: { heldAt: $at, progress: "Aims" }) { id } }',
          { id, at: new Date().toISOString() },
        );
      await executeOk(
        subgraph,
        mentee,
        'mutation($id: ID!) { giveFeedback(relationshipId: $id, input: { rating: 4 }) { offerRePairing } }',
        { id },
      );
    }
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('loads a page of 8 upcoming workshops with their enrolments in as many queries as a page of 2', async () => {
    const page = (n: number) =>
      countQueries(subgraph.dataSource, () => subgraph.execute(coach, UPCOMING, { n }));
    const two = await page(2);
    const eight = await page(8);
    expect(eight.result.errors).toBeUndefined();
    const connection = (
      eight.result.data as { upcomingCoachingWorkshops: { totalCount: number; edges: unknown[] } }
    ).upcomingCoachingWorkshops;
    expect(connection.totalCount).toBe(8);
    expect(connection.edges).toHaveLength(8);
    expect(eight.queries.length).toBe(two.queries.length);
  });

  it('loads a page of 6 relationships with their check-ins and feedback in as many queries as a page of 2', async () => {
    const RELATIONSHIPS = `query($n: Int) { myRelationships(first: $n) { edges { node { id
      checkIns(first: 1) { totalCount pageInfo { hasNextPage } edges { node { progress } } }
      feedback(first: 5) { totalCount edges { node { rating } } } } } } }`;
    const page = (n: number) =>
      countQueries(subgraph.dataSource, () =>
        executeOk<{
          myRelationships: ConnectionData<{
            checkIns: ConnectionData<{ progress: string }> & { pageInfo: { hasNextPage: boolean } };
            feedback: ConnectionData<{ rating: number }>;
          }>;
        }>(subgraph, mentee, RELATIONSHIPS, { n }),
      );
    const two = await page(2);
    const six = await page(6);
    const nodes = six.result.myRelationships.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(6);
    for (const node of nodes) {
      expect(node.checkIns).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      expect(node.checkIns.edges).toHaveLength(1);
      expect(node.feedback.totalCount).toBe(1);
    }
    expect(six.queries.length).toBe(two.queries.length);
  });
});
