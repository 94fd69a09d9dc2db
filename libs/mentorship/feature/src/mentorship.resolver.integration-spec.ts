import { randomUUID } from 'node:crypto';
import { loadConfig } from '@praxis/platform/config';
import { countQueries, startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
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
});
