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
import { createServiceDataSource } from './data-source.factory';
import { dropDatabase, ensureDatabase } from './ensure-database';

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

describe('database logging', () => {
  it('logs a failed insert without its parameters or the offending value', async () => {
    const database = await createTestDatabase('dblog');
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
