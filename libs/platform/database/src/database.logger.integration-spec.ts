import {
  Column,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { createServiceDataSource } from './data-source.factory';
import { dropDatabase, ensureDatabase } from './ensure-database';
import { poolQuery } from './pool-query';

// platform-testing depends on this library, so the test makes its database itself
async function createTestDatabase(prefix: string) {
  const server = process.env.PRAXIS_TEST_POSTGRES_URL ?? process.env.DATABASE_URL;
  if (!server) throw new Error('no test PostgreSQL: run through the integration jest config');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  return { url: await ensureDatabase(server, name), drop: () => dropDatabase(server, name) };
}

@Entity({ name: 'account' })
class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('account_email_uq', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  passwordHash!: string;
}

class AccountTable1000000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE account (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text NOT NULL, password_hash text NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX account_email_uq ON account (email)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE account`);
  }
}

/** The account table migrated in a fresh database, with every log line the data source writes. */
async function migratedDataSource(prefix: string) {
  const database = await createTestDatabase(prefix);
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  const dataSource = createServiceDataSource({
    url: database.url,
    entities: [AccountEntity],
    migrations: [AccountTable1000000000000],
    logger,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
    throw error;
  }
  return { dataSource, lines, database };
}

describe('database logging', () => {
  it('logs a failed insert without its parameters or the offending value', async () => {
    const { dataSource, lines, database } = await migratedDataSource('dblog');
    try {
      const secret = { email: 'ada.secret@example.org', passwordHash: 'scrypt$32768$8$1$SALTSALT$HASHHASH' };
      await dataSource.getRepository(AccountEntity).insert({ ...secret });
      await expect(dataSource.getRepository(AccountEntity).insert({ ...secret })).rejects.toThrow(
        /duplicate key/,
      );
      await expect(dataSource.query(`SELECT $1::uuid`, ['not-a-uuid-ada.secret'])).rejects.toThrow();

      const failures = lines.filter((line) => line.includes('query failed'));
      expect(failures).toHaveLength(2);
      expect(JSON.parse(failures[0])).toMatchObject({
        error: { code: '23505', constraint: 'account_email_uq' },
        parameterCount: 2,
      });
      const everything = lines.join('\n');
      for (const value of ['ada.secret', 'SALTSALT', 'HASHHASH']) expect(everything).not.toContain(value);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    }
  });
});

describe('poolQuery', () => {
  it("answers a SELECT's rows as dataSource.query does, and logs and throws a failure as it does", async () => {
    const { dataSource, lines, database } = await migratedDataSource('poolq');
    try {
      await dataSource.getRepository(AccountEntity).insert({ email: 'a@example.org', passwordHash: 'x' });
      const sql = `SELECT id, email, '2026-12-01T10:00:00Z'::timestamptz AS at, NULL::uuid AS none FROM account WHERE email = $1`;
      const rows = await poolQuery<{ id: string; email: string; at: Date; none: null }>(dataSource, sql, [
        'a@example.org',
      ]);
      const viaTypeOrm: unknown = await dataSource.query(sql, ['a@example.org']);
      expect(rows).toEqual(viaTypeOrm);
      expect(rows).toHaveLength(1);
      expect(rows[0].at).toBeInstanceOf(Date);

      const failed = poolQuery(dataSource, `SELECT $1::uuid`, ['not-a-uuid-ada.secret']);
      await expect(failed).rejects.toBeInstanceOf(QueryFailedError);
      await expect(failed).rejects.toThrow(/invalid input syntax for type uuid/);
      const failures = lines.filter((line) => line.includes('query failed'));
      expect(failures).toHaveLength(1);
      expect(JSON.parse(failures[0])).toMatchObject({ error: { code: '22P02' }, parameterCount: 1 });
      expect(lines.join('\n')).not.toContain('ada.secret');
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    }
  });

  it('prepares a named statement once per connection and answers its rows as the unnamed one does', async () => {
    const { dataSource, database } = await migratedDataSource('poolprep');
    try {
      await dataSource.getRepository(AccountEntity).insert({ email: 'a@example.org', passwordHash: 'x' });
      const sql = `SELECT id, email FROM account WHERE email = $1`;
      const unnamed = await poolQuery(dataSource, sql, ['a@example.org']);
      // one after the other, so the pool hands out its one idle connection each time
      const first = await poolQuery(dataSource, sql, ['a@example.org'], { prepare: 'test.account' });
      const second = await poolQuery(dataSource, sql, ['b@example.org'], { prepare: 'test.account' });
      expect(first).toEqual(unnamed);
      expect(first).toHaveLength(1);
      expect(second).toEqual([]);
      const prepared = await poolQuery<{ name: string; statement: string }>(
        dataSource,
        'SELECT name, statement FROM pg_prepared_statements',
        [],
      );
      expect(prepared).toEqual([{ name: 'test.account', statement: sql }]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    }
  });
});
