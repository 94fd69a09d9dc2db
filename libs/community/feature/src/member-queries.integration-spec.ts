import { randomUUID } from 'node:crypto';
import { planOf, statementsOf, type SentStatement } from '@praxis/platform/testing';
import { startCommunityHarness, type CommunityHarness } from './testing';

const MY_APPLICATIONS = `query { myApplications(first: 5) { totalCount edges { node { id } } } }`;
const MY_CERTIFICATES = `query { myCertificates(first: 5) { totalCount edges { node { id } } } }`;

/**
 * The queries by member (`myApplications`, `myCertificates`) read one member's rows through an index on
 * `member_id`, not by scanning the table: the SQL the services really send is captured and EXPLAINed. Sequential
 * scans are switched off for the EXPLAIN, because on a test-sized table the planner rightly prefers one; what
 * this proves is that an index on the member exists and serves that query (without it the plan stays a scan).
 */
describe('community: queries by member use the member indexes', () => {
  let h: CommunityHarness;

  beforeAll(async () => {
    h = await startCommunityHarness('community_member_queries');
  }, 120000);

  afterAll(async () => {
    await h?.close();
  });

  /** Runs `operation` as `memberId` and returns the SELECTs it sent to `table` that filter by member. */
  async function queriesOf(memberId: string, operation: string, table: string): Promise<SentStatement[]> {
    const { statements } = await statementsOf(
      h.subgraph.dataSource,
      (sql) => sql.includes(`FROM "${table}"`) && sql.includes('member_id'),
      () => h.ok({ memberId }, operation),
    );
    return statements;
  }

  it('myApplications and myCertificates filter through programme_application_member_idx and certificate_member_idx', async () => {
    const member = await h.member();
    // other members' rows around the member's, so the table holds more than the answer
    const programmeIds = Array.from({ length: 3 }, () => randomUUID());
    for (const programmeId of programmeIds) {
      for (const memberId of [member.memberId, randomUUID(), randomUUID()]) {
        await h.subgraph.dataSource.query(
          `INSERT INTO programme_application (programme_id, member_id, institution_id, career_stage, motivation,
             status, applied_at) VALUES ($1, $2, $3, 'MEDICAL_STUDENT', 'm', 'SUBMITTED', now())`,
          [programmeId, memberId, randomUUID()],
        );
        await h.subgraph.dataSource.query(
          `INSERT INTO certificate (programme_id, member_id, verification_code, member_name, programme_title,
             sessions_attended, sessions_held, issued_at) VALUES ($1, $2, $3, 'n', 't', '[]', 7, now())`,
          [programmeId, memberId, randomUUID()],
        );
      }
    }

    for (const [operation, table, index] of [
      [MY_APPLICATIONS, 'programme_application', 'programme_application_member_idx'],
      [MY_CERTIFICATES, 'certificate', 'certificate_member_idx'],
    ] as const) {
      const queries = await queriesOf(member.memberId, operation, table);
      // the count and the page
      expect(queries.length).toBeGreaterThanOrEqual(2);
      for (const query of queries) {
        const explained = await planOf(h.subgraph.dataSource, query);
        expect(explained).toContain(index);
        expect(explained).not.toMatch(/Seq Scan on /);
      }
    }
  }, 60000);
});
