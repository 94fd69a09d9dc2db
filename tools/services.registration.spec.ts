import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MEMBER_REPLICA_CONSUMERS } from '@praxis/contracts';
import { dataAccessLibrary, SERVICE_DATABASES } from './service-databases';
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

  it("lets every service with a member replica read membership's member events (MEMBER_REPLICA_CONSUMERS, the ACLs)", () => {
    const withReplica = SERVICES.filter(
      (service) =>
        service.database && typeof dataAccessLibrary(service.name).memberReplicaConsumer === 'function',
    ).map((service) => service.name);
    expect(withReplica.filter((name) => !MEMBER_REPLICA_CONSUMERS.includes(name))).toEqual([]);
    // and a registered service in the list keeps a replica (a name not registered yet is a service being built)
    const registered = SERVICES.map((service) => service.name);
    expect(
      MEMBER_REPLICA_CONSUMERS.filter((name) => registered.includes(name) && !withReplica.includes(name)),
    ).toEqual([]);
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

  it('has the three path aliases of every service with libraries in tsconfig.base.json, and none of another', () => {
    const { compilerOptions } = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    const names = new Set(SERVICES.map((service) => service.name));
    const shared = new Set(['platform', 'contracts', 'tools']);
    const aliased = Object.keys(compilerOptions.paths)
      .map((alias) => alias.split('/')[1])
      .filter((scope) => !shared.has(scope));
    expect([...new Set(aliased)].filter((scope) => !names.has(scope))).toEqual([]);
    for (const service of SERVICES.filter((entry) => existsSync(path.join(ROOT, 'libs', entry.name)))) {
      for (const layer of ['domain', 'data-access', 'feature']) {
        expect(compilerOptions.paths[`@praxis/${service.name}/${layer}`]).toEqual([
          `libs/${service.name}/${layer}/src/index.ts`,
        ]);
      }
    }
  });

  it('exports every event folder from the contracts index, each of a listed service, and no missing folder', () => {
    const folders = readdirSync(path.join(ROOT, 'libs/contracts/src/events'), { withFileTypes: true })
      // one folder per event and version (`funding-shared` holds what funding's events share)
      .filter((entry) => entry.isDirectory() && /-v\d+$/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    const index = readFileSync(path.join(ROOT, 'libs/contracts/src/index.ts'), 'utf8');
    const exported = [...index.matchAll(/from '\.\/events\/([^']+-v\d+)'/g)].map((match) => match[1]).sort();
    expect(exported).toEqual(folders);
    const names = new Set(SERVICES.map((service) => service.name));
    expect(folders.filter((folder) => !names.has(folder.split('-')[0]))).toEqual([]);
  });
});
