/**
 * npm run migration:generate -- <service> <Name>   writes a migration for the difference between entities and
 *                                                  the committed migrations
 * npm run migration:check                          fails when any service's entities and migrations disagree
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServiceDataSource, pendingSchemaChanges } from '@praxis/platform/database';
import { dropDatabase, ensureDatabase, resolvePostgres } from '@praxis/platform/local-infra';
import { SERVICE_DATABASES } from './service-databases';

type Definition = (typeof SERVICE_DATABASES)[string];

async function withMigratedDatabase<T>(
  service: string,
  definition: Definition,
  work: (ds: ReturnType<typeof createServiceDataSource>) => Promise<T>,
): Promise<T> {
  const server = await resolvePostgres({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: path.resolve('.praxis/pg'),
  });
  const name = `praxis_migcheck_${service}_${process.pid}`;
  const url = await ensureDatabase(server.url, name);
  const dataSource = createServiceDataSource({
    url,
    entities: definition.entities as never,
    migrations: definition.migrations as never,
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    return await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase(server.url, name);
    await server.stop();
  }
}

async function check(): Promise<number> {
  let failures = 0;
  for (const [service, definition] of Object.entries(SERVICE_DATABASES)) {
    const pending = await withMigratedDatabase(service, definition, pendingSchemaChanges);
    if (pending.length > 0) {
      failures++;
      process.stderr.write(
        `${service}: entities and migrations disagree; run npm run migration:generate -- ${service} <Name>\n  ${pending.join('\n  ')}\n`,
      );
    } else {
      process.stdout.write(`${service}: migrations match entities\n`);
    }
  }
  return failures ? 1 : 0;
}

async function generate(service: string, name: string): Promise<number> {
  const definition = SERVICE_DATABASES[service];
  if (!definition || !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    process.stderr.write(
      `usage: migration:generate -- <${Object.keys(SERVICE_DATABASES).join('|')}> <PascalCaseName>\n`,
    );
    return 2;
  }
  const sql = await withMigratedDatabase(service, definition, async (dataSource) =>
    dataSource.driver.createSchemaBuilder().log(),
  );
  if (sql.upQueries.length === 0) {
    process.stdout.write(`${service}: nothing to generate\n`);
    return 0;
  }
  const timestamp = Date.now();
  const quote = (query: string) => '`' + query.replace(/`/g, '\\`') + '`';
  const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
  const down = sql.downQueries
    .reverse()
    .map((q) => `    await queryRunner.query(${quote(q.query)});`)
    .join('\n');
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const file = path.join(definition.dir, `${timestamp}-${kebab}.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  process.stdout.write(`wrote ${file}; add it to the service's database.ts migrations\n`);
  return 0;
}

const [command, ...args] = process.argv.slice(2);
(command === 'check' ? check() : command === 'generate' ? generate(args[0], args[1]) : Promise.resolve(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
