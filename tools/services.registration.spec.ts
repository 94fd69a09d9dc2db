import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_DATABASES } from './service-databases';
import { SERVICES } from './services';

const ROOT = path.resolve(__dirname, '..');

/**
 * tools/services.ts is the one list of services (launcher, system tests, compose and init.sql via compose.spec,
 * supergraph, the databases tools/service-databases.ts finds by convention): a service folder that is not in it,
 * or an entry whose pieces are missing, fails here.
 */
describe('service registration in tools/services.ts', () => {
  it('lists every service app, and nothing that is not one', () => {
    // a service is a Node process (src/main.ts); apps/web is the browser client the gateway serves
    const apps = readdirSync(path.join(ROOT, 'apps'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.endsWith('-e2e'))
      .filter((entry) => existsSync(path.join(ROOT, 'apps', entry.name, 'src', 'main.ts')))
      .map((entry) => entry.name)
      .sort();
    expect(SERVICES.map((service) => service.name).sort()).toEqual(apps);
  });

  it('finds the entities and migrations of each service with a database in its data-access library', () => {
    expect(Object.keys(SERVICE_DATABASES).sort()).toEqual(
      SERVICES.filter((service) => service.database)
        .map((service) => service.name)
        .sort(),
    );
    for (const [name, database] of Object.entries(SERVICE_DATABASES)) {
      expect(`${name}: ${database.entities.length > 0} ${database.migrations.length > 0}`).toBe(
        `${name}: true true`,
      );
      expect(existsSync(path.join(ROOT, database.dir))).toBe(true);
    }
  });

  it('gives each subgraph a committed schema and its in-process drift test', () => {
    for (const service of SERVICES.filter((candidate) => candidate.subgraph)) {
      expect(`${service.name}: ${existsSync(path.join(ROOT, 'apps', service.name, 'schema.graphql'))}`).toBe(
        `${service.name}: true`,
      );
      expect(
        `${service.name}: ${existsSync(path.join(ROOT, 'apps', service.name, 'src', 'schema.spec.ts'))}`,
      ).toBe(`${service.name}: true`);
    }
  });

  it('keeps ports and port offsets distinct', () => {
    expect(new Set(SERVICES.map((service) => service.port)).size).toBe(SERVICES.length);
    expect(new Set(SERVICES.map((service) => service.portOffset)).size).toBe(SERVICES.length);
  });
});
