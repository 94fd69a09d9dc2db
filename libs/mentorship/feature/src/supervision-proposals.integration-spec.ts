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

const PAGE = `query($status: SupervisionProposalStatus, $n: Int, $after: String) {
  supervisionProposals(status: $status, first: $n, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status } }
  }
}`;
type Page = {
  supervisionProposals: ConnectionData<{ id: string; status: string }> & {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/**
 * `supervisionProposals` pages newest first, of every status or of one, along an index: the SQL the service
 * really sends is captured and EXPLAINed. Sequential scans are switched off for the EXPLAIN, because on a
 * test-sized table the planner rightly prefers one; what this proves is that an index serves the page's order and
 * cursor straight into its limit (without one the plan sorts the rows the filter selects).
 */
describe('mentorship: supervisionProposals reads along an index', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  // newest first: created a millisecond apart, every third one CONFIRMED
  const rows: Array<{ id: string; status: string }> = [];

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'mentorship_supervision_pages',
      database: mentorshipDatabase,
      feature: () =>
        MentorshipFeatureModule.forRoot(mentorshipOptionsFromEnv(loadConfig(matchWeightsEnvShape, {}))),
    });
    await seedReplicaMember(subgraph.dataSource, admin.memberId, { roles: ['admin'] });
    const base = Date.parse('2026-11-30T10:00:00.000Z');
    for (let i = 0; i < 9; i += 1) {
      const status = i % 3 === 0 ? 'CONFIRMED' : 'PROPOSED';
      const [row]: Array<{ id: string }> = await subgraph.dataSource.query(
        `INSERT INTO supervision_proposal (competition_id, proposal_id, proposal_title, mentee_id, status, created_at)
         VALUES ($1, $2, 'Winner', $3, $4, $5) RETURNING id`,
        [randomUUID(), randomUUID(), randomUUID(), status, new Date(base + i)],
      );
      rows.unshift({ id: row.id, status });
    }
    await subgraph.dataSource.query('ANALYZE supervision_proposal');
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  /** Runs the page as the admin and returns it with the page's SELECT (the one with a LIMIT). */
  async function pageWithQuery(variables: Record<string, unknown>) {
    const { result, statements } = await statementsOf(
      subgraph.dataSource,
      (sql) => sql.includes('"supervision_proposal"') && /LIMIT/.test(sql),
      () => executeOk<Page>(subgraph, admin, PAGE, variables),
    );
    expect(statements).toHaveLength(1);
    return { page: result.supervisionProposals, query: statements[0] };
  }

  it.each([
    ['every status', null, 'supervision_proposal_created_idx'],
    ['one status', 'PROPOSED', 'supervision_proposal_status_idx'],
  ])('pages %s (%s) newest first, each page read backwards along %s', async (_, status, index) => {
    const expected = rows.filter((row) => status === null || row.status === status);
    const first = await pageWithQuery({ status, n: 2 });
    expect(first.page.totalCount).toBe(expected.length);
    expect(first.page.edges.map((edge) => edge.node)).toEqual(expected.slice(0, 2));
    const second = await pageWithQuery({ status, n: 2, after: first.page.pageInfo.endCursor });
    expect(second.page.edges.map((edge) => edge.node)).toEqual(expected.slice(2, 4));

    for (const { query } of [first, second]) {
      expect(query.sql).not.toContain('date_trunc');
      const explained = await planOf(subgraph.dataSource, query);
      // rows come in index order straight into the limit: no sort of the selected rows, no scan of the table
      expect(explained).toMatch(
        new RegExp(`Limit[^\\n]*\\n\\s*->\\s+Index (Only )?Scan Backward using ${index}`),
      );
      expect(explained).not.toMatch(/\bSort\b|Seq Scan/);
    }
  });
});
