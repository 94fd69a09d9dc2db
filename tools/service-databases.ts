import path from 'node:path';
import { SERVICES } from './services';

export interface ServiceDatabase {
  entities: unknown[];
  migrations: unknown[];
  /** Where `npm run migration:generate` writes the service's next migration. */
  dir: string;
}

/**
 * Each service's entities and committed migrations, for generation and the drift check, derived from
 * tools/services.ts by convention: a service with a database has `libs/<name>/data-access`, whose index exports
 * `<name>Database` (`{ entities, migrations }`).
 */
export function serviceDatabases(): Record<string, ServiceDatabase> {
  return Object.fromEntries(
    SERVICES.filter((service) => service.database).map((service) => {
      const library = path.join(__dirname, '..', 'libs', service.name, 'data-access', 'src');
      // by path, not alias: the list of services decides which libraries exist (compiled, dist/ mirrors the tree)
      const exports = require(library) as Record<string, Partial<ServiceDatabase> | undefined>;
      const database = exports[`${service.name}Database`];
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
