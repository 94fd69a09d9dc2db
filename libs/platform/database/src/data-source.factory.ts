import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { RedactingDatabaseLogger, stderrLogger, type StructuredLogger } from './database.logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type EntityList = MixedList<string | (new (...args: never[]) => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new (...args: never[]) => unknown)>;

export interface ServiceDataSourceOptions {
  /** postgres:// URL of the service's own database. */
  url: string;
  entities: EntityList;
  migrations: MigrationList;
  poolSize?: number;
  logging?: boolean;
  /** Where database problems are logged (redacted); stderr when unset. */
  logger?: StructuredLogger;
  applicationName?: string;
}

/** One data source per service: its own database, committed migrations, never `synchronize`. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(options));
}

export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities as DataSourceOptions['entities'],
    migrations: options.migrations as DataSourceOptions['migrations'],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed
    uuidExtension: 'pgcrypto',
    synchronize: false,
    logging: options.logging ? ['query', 'error', 'warn', 'migration'] : ['error', 'warn'],
    logger: new RedactingDatabaseLogger(options.logger ?? stderrLogger, options.logging ?? false),
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? 'praxis' },
  };
}

/** Creates the service's database when missing (the URL names it), then connects and runs pending migrations. */
export async function openServiceDatabase(options: ServiceDataSourceOptions): Promise<DataSource> {
  const url = new URL(options.url);
  const database = url.pathname.replace(/^\//, '');
  const maintenance = new URL(options.url);
  maintenance.pathname = '/postgres';
  await ensureDatabase(maintenance.toString(), database);
  const dataSource = createServiceDataSource(options);
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
