import { randomUUID } from 'node:crypto';
import { membershipDatabase } from '@praxis/membership/data-access';
import { CURRENT_PRINCIPAL_SOURCE } from '@praxis/platform/auth';
import {
  countQueries,
  errorCodeOf,
  executeOk,
  startSubgraphHarness,
  type SubgraphHarness,
  waitFor,
} from '@praxis/platform/testing';
import { membershipFeatureForTests } from '../membership-feature.test-module';
import { seedCallers } from '../membership.test-support';
import type { MembershipPrincipalSource } from './current-principal.source';

const ME = '{ me { displayName roles { role } } }';
const GRANT = 'mutation($id: ID!) { grantRole(memberId: $id, role: MENTOR) { id } }';

interface Me {
  me: { displayName: string; roles: Array<{ role: string }> };
}

describe('membership: the guard keeps what it read about a caller while the database reports changes', () => {
  let subgraph: SubgraphHarness;
  let source: MembershipPrincipalSource;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'membership',
      database: membershipDatabase,
      feature: membershipFeatureForTests,
      // this suite is about when a change is seen: the harness must not wait for the notifications itself
      settleCallers: false,
    });
    source = subgraph.app.get<MembershipPrincipalSource>(CURRENT_PRINCIPAL_SOURCE, { strict: false });
    await seedCallers(subgraph.dataSource, [admin]);
    await waitFor(() => source.cacheIsLive, { timeoutMs: 5000, description: 'the change feed listening' });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  async function seededMember(roles: Array<'admin' | 'judge'>) {
    const caller = { memberId: randomUUID(), roles };
    await seedCallers(subgraph.dataSource, [caller]);
    // a token issued once and sent as it is, as a signed-in browser does
    return { caller, token: { token: await subgraph.tokenFor(caller) } };
  }

  it('answers a repeated request without reading the caller again', async () => {
    const { token } = await seededMember(['judge']);
    await executeOk<Me>(subgraph, token, ME);
    const again = await countQueries(subgraph.dataSource, () => executeOk<Me>(subgraph, token, ME));
    expect(again.result.me.roles).toEqual([{ role: 'JUDGE' }]);
    expect(again.queries).toEqual([]);
  });

  it('refuses a revoked admin at their very next request after the revoking mutation answers', async () => {
    const { caller, token } = await seededMember(['admin']);
    const target = randomUUID();
    await seedCallers(subgraph.dataSource, [{ memberId: target }]);
    for (let round = 0; round < 5; round += 1) {
      // the revoked admin's view is kept before each revocation
      await executeOk(subgraph, token, GRANT, { id: target });
      await executeOk(subgraph, token, GRANT, { id: target });
      await executeOk(
        subgraph,
        admin,
        `mutation($id: ID!) { revokeRole(memberId: $id, role: ADMIN) { id } }`,
        {
          id: caller.memberId,
        },
      );
      expect(await errorCodeOf(subgraph, token, GRANT, { id: target })).toBe('FORBIDDEN');
      expect((await executeOk<Me>(subgraph, token, ME)).me.roles).toEqual([]);
      await executeOk(
        subgraph,
        admin,
        `mutation($id: ID!) { grantRole(memberId: $id, role: ADMIN) { id } }`,
        {
          id: caller.memberId,
        },
      );
      expect((await executeOk<Me>(subgraph, token, ME)).me.roles).toEqual([{ role: 'ADMIN' }]);
    }
  });

  it('drops a member’s kept view when another writer changes their row or roles, or deletes them', async () => {
    const { caller, token } = await seededMember(['judge']);
    await executeOk<Me>(subgraph, token, ME);
    await executeOk<Me>(subgraph, token, ME);
    // not through this process's mutations: only the database's notification can tell it
    await subgraph.dataSource.query(`UPDATE member SET display_name = 'Renamed elsewhere' WHERE id = $1`, [
      caller.memberId,
    ]);
    const within = (description: string) => ({ timeoutMs: 3000, intervalMs: 20, description });
    await waitFor(
      async () => (await executeOk<Me>(subgraph, token, ME)).me.displayName === 'Renamed elsewhere',
      within('the new name'),
    );
    await subgraph.dataSource.query(`DELETE FROM role_grant WHERE member_id = $1`, [caller.memberId]);
    await waitFor(
      async () => (await executeOk<Me>(subgraph, token, ME)).me.roles.length === 0,
      within('no roles'),
    );
    await subgraph.dataSource.query(`DELETE FROM member WHERE id = $1`, [caller.memberId]);
    await waitFor(
      async () => (await errorCodeOf(subgraph, token, ME)) === 'UNAUTHENTICATED',
      within('the deleted member refused'),
    );
  });

  it('keeps nothing while its notifications cannot arrive, and keeps again once they can', async () => {
    const { caller, token } = await seededMember(['judge']);
    await executeOk<Me>(subgraph, token, ME);
    const [{ count }] = await subgraph.dataSource.query<Array<{ count: string }>>(
      `SELECT count(pg_terminate_backend(pid)) AS count FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE '%:listen:praxis_principal'`,
    );
    expect(Number(count)).toBe(1);
    await waitFor(() => !source.cacheIsLive, { timeoutMs: 3000, description: 'the cache off' });
    // the change is made while no notification can reach the service: it must read, not trust what it kept
    await subgraph.dataSource.query(`UPDATE member SET display_name = 'Renamed while away' WHERE id = $1`, [
      caller.memberId,
    ]);
    const off = source.cacheOutcomes.off;
    expect((await executeOk<Me>(subgraph, token, ME)).me.displayName).toBe('Renamed while away');
    expect(source.cacheOutcomes.off).toBe(off + 1);
    // the feed connects again on its own (1 s later) and the cache is used again
    await waitFor(() => source.cacheIsLive, { timeoutMs: 5000, description: 'the change feed back' });
    await executeOk<Me>(subgraph, token, ME);
    const hits = source.cacheOutcomes.hit;
    await executeOk<Me>(subgraph, token, ME);
    expect(source.cacheOutcomes.hit).toBe(hits + 1);
  });
});
