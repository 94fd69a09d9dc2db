import { randomUUID } from 'node:crypto';
import type { Logger, QueryRunner } from 'typeorm';
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
  async function queriesOf(
    memberId: string,
    operation: string,
    table: string,
  ): Promise<Array<{ sql: string; parameters: unknown[] }>> {
    const logger: Logger = h.subgraph.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    const seen: Array<{ sql: string; parameters: unknown[] }> = [];
    logger.logQuery = (sql: string, parameters?: unknown[], runner?: QueryRunner) => {
      if (sql.includes(`FROM "${table}"`) && sql.includes('member_id'))
        seen.push({ sql, parameters: parameters ?? [] });
      return original(sql, parameters, runner);
    };
    try {
      await h.ok({ memberId }, operation);
    } finally {
      logger.logQuery = original;
    }
    return seen;
  }

  async function plan(query: { sql: string; parameters: unknown[] }): Promise<string> {
    return h.subgraph.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows: Array<{ 'QUERY PLAN': string }> = await manager.query(
        `EXPLAIN ${query.sql}`,
        query.parameters,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
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
        const explained = await plan(query);
        expect(explained).toContain(index);
        expect(explained).not.toMatch(/Seq Scan on /);
      }
    }
  }, 60000);
});
