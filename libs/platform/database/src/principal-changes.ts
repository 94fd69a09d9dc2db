import type { QueryRunner } from 'typeorm';

/** The channel on which a service's database reports changes to what its guard reads about a caller. */
export const PRINCIPAL_CHANNEL = 'praxis_principal';

/** A table the guard's view of a caller is read from, and the row changes that alter that view. */
export interface PrincipalTable {
  table: string;
  /** The column holding the member's id. */
  memberColumn: string;
  /** Row changes to report: an insert that only adds something no one has read yet need not be. */
  events: ReadonlyArray<'INSERT' | 'UPDATE' | 'DELETE'>;
}

/**
 * Triggers that NOTIFY `PRINCIPAL_CHANNEL` with the member's id when a row changes, and with `*` when the table is
 * truncated, for `PrincipalCache` through a `ChangeFeed`. They fire in the writing transaction, so the
 * notification goes out at its commit and not at all on a rollback, whoever wrote (the service, another replica,
 * an operator's SQL). A transaction that notifies takes PostgreSQL's cluster-wide notify lock for its commit
 * (see `OutboxWaker`), so only changes that alter a caller's view should be reported: grants, revocations,
 * profile updates, not every request.
 */
export async function createPrincipalChangeTriggers(
  queryRunner: QueryRunner,
  tables: readonly PrincipalTable[],
): Promise<void> {
  await queryRunner.query(
    `CREATE OR REPLACE FUNCTION praxis_principal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_LEVEL = 'STATEMENT' THEN
         PERFORM pg_notify('${PRINCIPAL_CHANNEL}', '*');
       ELSE
         PERFORM pg_notify('${PRINCIPAL_CHANNEL}', to_jsonb(COALESCE(NEW, OLD)) ->> TG_ARGV[0]);
       END IF;
       RETURN NULL;
     END $$`,
  );
  for (const { table, memberColumn, events } of tables) {
    await queryRunner.query(
      `CREATE TRIGGER "${table}_principal_changed" AFTER ${events.join(' OR ')} ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION praxis_principal_changed('${memberColumn}')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "${table}_principal_truncated" AFTER TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION praxis_principal_changed()`,
    );
  }
}

export async function dropPrincipalChangeTriggers(
  queryRunner: QueryRunner,
  tables: readonly PrincipalTable[],
): Promise<void> {
  for (const { table } of tables) {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_principal_truncated" ON "${table}"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_principal_changed" ON "${table}"`);
  }
  await queryRunner.query(`DROP FUNCTION IF EXISTS praxis_principal_changed()`);
}
