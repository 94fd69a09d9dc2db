import path from 'node:path';
import { SERVICES } from './services';

export interface ServiceDatabase {
  entities: unknown[];
  migrations: unknown[];
  /** Where `npm run migration:generate` writes the service's next migration. */
  dir: string;
}

/** The exports of `libs/<name>/data-access`, by path: the list of services says which libraries exist. */
export function dataAccessLibrary(name: string): Record<string, unknown> {
  // compiled, dist/ mirrors the tree, so the same path works from the build
  return require(path.join(__dirname, '..', 'libs', name, 'data-access', 'src')) as Record<string, unknown>;
}

/**
 * Each service's entities and committed migrations, for generation and the drift check, derived from
 * tools/services.ts by convention: a service with a database has `libs/<name>/data-access`, whose index exports
 * `<name>Database` (`{ entities, migrations }`).
 */
export function serviceDatabases(): Record<string, ServiceDatabase> {
  return Object.fromEntries(
    SERVICES.filter((service) => service.database).map((service) => {
      const database = dataAccessLibrary(service.name)[`${service.name}Database`] as
        Partial<ServiceDatabase> | undefined;
      if (!Array.isArray(database?.entities) || !Array.isArray(database?.migrations)) {
        throw new Error(
          `libs/${service.name}/data-access must export ${service.name}Database = { entities, migrations } (tools/services.ts says ${service.name} has a database)`,
        );
      }
      return [
        service.name,
        {
          entities: database.entities,
          migrations: database.migrations,
          dir: `libs/${service.name}/data-access/src/migrations`,
        },
      ];
    }),
  );
}

export const SERVICE_DATABASES: Record<string, ServiceDatabase> = serviceDatabases();
