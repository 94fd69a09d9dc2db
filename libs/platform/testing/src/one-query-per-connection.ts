/**
 * Integration-tier guard (jest `setupFilesAfterEnv`): a PostgreSQL connection runs one statement at a time, so a
 * second `query()` on a client that is still executing one only waits in pg's queue. pg 8 warns about it once per
 * process ("Calling client.query() when the client is already executing a query is deprecated and will be removed in
 * pg@9.0") and pg 9 will refuse it. It happens when code awaits several statements together (`Promise.all`) on one
 * transaction's `EntityManager`: the statements were never parallel, and the warning hid which call made them.
 * Here the call that does it fails with its own stack instead, so the test that reaches it names the place.
 * Pool queries are not affected: the pool hands each statement an idle client. One library path is let through:
 * TypeORM's schema builder (the migration drift check's `log()`) reads the catalogue with several statements at
 * once on its query runner; that is TypeORM's code, not ours, and pg queues them.
 */
import { Client } from 'pg';

interface ClientInternals {
  _activeQuery: unknown;
  _queryQueue: unknown[];
  pipeline?: boolean;
}

const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const query = prototype.query;

prototype.query = function guardedQuery(this: ClientInternals, ...args: unknown[]): unknown {
  if (
    (this._activeQuery || this._queryQueue.length > 0) &&
    !this.pipeline &&
    !new Error().stack?.includes('RdbmsSchemaBuilder')
  ) {
    throw new Error(
      'A statement was sent on a PostgreSQL connection that is still executing another (several statements awaited ' +
        'together on one transaction): run them one after another; see libs/platform/testing/src/one-query-per-connection.ts',
    );
  }
  return query.apply(this, args);
};
