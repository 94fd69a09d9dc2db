import { randomUUID } from 'node:crypto';
import { loadConfig } from '@praxis/platform/config';
import {
  executeOk,
  planOf,
  seedReplicaMember,
  statementsOf,
  startSubgraphHarness,
  type ConnectionData,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { mentorshipDatabase } from '@praxis/mentorship/data-access';
import { MentorshipFeatureModule } from './mentorship-feature.module';
import { matchWeightsEnvShape, mentorshipOptionsFromEnv } from './mentorship.options';

/** The admins' lists paged newest first, optionally of one status: each one's status type and table. */
const LISTS = {
  supervisionProposals: { statusType: 'SupervisionProposalStatus', table: 'supervision_proposal' },
  matchRuns: { statusType: 'MatchRunStatus', table: 'match_run' },
} as const;
type List = keyof typeof LISTS;
type Row = { id: string; status: string };
type Page = ConnectionData<Row> & { pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/**
 * `supervisionProposals` and `matchRuns` page newest first, of every status or of one, along an index: the SQL
 * the service really sends is captured and EXPLAINed with sequential scans off (see `planOf`); what this proves
 * is that an index serves the page's order and cursor straight into its limit (without one the plan sorts the
 * rows the filter selects).
 */
describe('mentorship: the admins’ lists read along an index', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  // each list newest first
  const rows: Record<List, Row[]> = { supervisionProposals: [], matchRuns: [] };

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'mentorship_admin_list_pages',
      database: mentorshipDatabase,
      feature: () =>
        MentorshipFeatureModule.forRoot(mentorshipOptionsFromEnv(loadConfig(matchWeightsEnvShape, {}))),
    });
    const { dataSource } = subgraph;
    await seedReplicaMember(dataSource, admin.memberId, { roles: ['admin'] });

    // supervision proposals a millisecond apart, every third one CONFIRMED
    const base = Date.parse('2026-11-30T10:00:00.000Z');
    for (let i = 0; i < 9; i += 1) {
      const status = i % 3 === 0 ? 'CONFIRMED' : 'PROPOSED';
      const [row]: Array<{ id: string }> = await dataSource.query(
        `INSERT INTO supervision_proposal (competition_id, proposal_id, proposal_title, mentee_id, status, created_at)
         VALUES ($1, $2, 'Winner', $3, $4, $5) RETURNING id`,
        [randomUUID(), randomUUID(), randomUUID(), status, new Date(base + i)],
      );
      rows.supervisionProposals.unshift({ id: row.id, status });
    }

    // match runs made while created_at kept microseconds (the migration MatchRunPages undone, then run again):
    // they keep the order clients saw, by (created_at at millisecond precision, id), and every third is APPROVED
    await dataSource.undoLastMigration();
    const [column]: Array<{ precision: number }> = await dataSource.query(
      `SELECT datetime_precision AS precision FROM information_schema.columns
        WHERE table_name = 'match_run' AND column_name = 'created_at'`,
    );
    expect(column.precision).toBe(6);
    const stamps = ['000100', '001900', '002000', '003999', '004001', '004600', '005000', '006499', '007000'];
    for (const [i, stamp] of stamps.entries()) {
      await dataSource.query(
        `INSERT INTO match_run (id, status, created_by, mentee_ids, mentor_ids, min_score, total_score, created_at)
         VALUES ($1, $2, $3, '{}', '{}', 0, 0, $4)`,
        [
          // 003999 has the largest id: rounded (not truncated) it would come before 004001 and 004600
          i === 3 ? 'ffffffff-ffff-4fff-bfff-ffffffffffff' : randomUUID(),
          i % 3 === 0 ? 'APPROVED' : 'PROPOSED',
          admin.memberId,
          `2026-11-30T10:00:00.${stamp}Z`,
        ],
      );
    }
    rows.matchRuns = await dataSource.query(
      `SELECT id, status FROM match_run ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC`,
    );
    await dataSource.runMigrations();

    await dataSource.query('ANALYZE supervision_proposal');
    await dataSource.query('ANALYZE match_run');
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  /** Runs a page of `list` as the admin and returns it with the page's SELECT (the one with a LIMIT). */
  async function pageWithQuery(list: List, variables: Record<string, unknown>) {
    const { statusType, table } = LISTS[list];
    const operation = `query($status: ${statusType}, $n: Int, $after: String) {
      ${list}(status: $status, first: $n, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id status } }
      }
    }`;
    const { result, statements } = await statementsOf(
      subgraph.dataSource,
      (sql) => sql.includes(`"${table}"`) && /LIMIT/.test(sql),
      () => executeOk<Record<List, Page>>(subgraph, admin, operation, variables),
    );
    expect(statements).toHaveLength(1);
    return { page: result[list], query: statements[0] };
  }

  it.each([
    ['supervisionProposals', 'every status', null, 'supervision_proposal_created_idx'],
    ['supervisionProposals', 'one status', 'PROPOSED', 'supervision_proposal_status_idx'],
    ['matchRuns', 'every status', null, 'match_run_created_idx'],
    ['matchRuns', 'one status', 'PROPOSED', 'match_run_status_idx'],
  ] as const)(
    '%s pages %s (%s) newest first, each page read backwards along %s',
    async (list, _, status, index) => {
      const expected = rows[list].filter((row) => status === null || row.status === status);
      const first = await pageWithQuery(list, { status, n: 2 });
      expect(first.page.totalCount).toBe(expected.length);
      expect(first.page.edges.map((edge) => edge.node)).toEqual(expected.slice(0, 2));
      const second = await pageWithQuery(list, { status, n: 2, after: first.page.pageInfo.endCursor });
      expect(second.page.edges.map((edge) => edge.node)).toEqual(expected.slice(2, 4));
      const rest = await pageWithQuery(list, { status, n: 10, after: second.page.pageInfo.endCursor });
      expect(rest.page.edges.map((edge) => edge.node)).toEqual(expected.slice(4));
      expect(rest.page.pageInfo.hasNextPage).toBe(false);

      for (const { query } of [first, second]) {
        expect(query.sql).not.toContain('date_trunc');
        const explained = await planOf(subgraph.dataSource, query);
        // rows come in index order straight into the limit: no sort of the selected rows, no scan of the table
        expect(explained).toMatch(
          new RegExp(`Limit[^\\n]*\\n\\s*->\\s+Index (Only )?Scan Backward using ${index}`),
        );
        expect(explained).not.toMatch(/\bSort\b|Seq Scan/);
      }
    },
  );
});
