import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { generateSigningKeys } from '@praxis/platform/auth';
import { build } from './build';
import type { DataSource } from 'typeorm';
import { ALL_EVENTS, MemberDemographicsRecordedV2, type EventContract } from '@praxis/contracts';
// apps have no import alias; tools may depend on apps (type:tooling): their service definitions say what they
// really produce and consume
// eslint-disable-next-line @nx/enforce-module-boundaries
import { membershipService } from '../apps/membership/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { proposalsService } from '../apps/proposals/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { mentorshipService } from '../apps/mentorship/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadMentorshipConfig } from '../apps/mentorship/src/config';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { fundingService } from '../apps/funding/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { communityService } from '../apps/community/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { engagementService } from '../apps/engagement/src/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadEngagementConfig } from '../apps/engagement/src/config';
import type { ServiceDefinition } from '@praxis/platform/service';
import { minimalServiceEnv } from '@praxis/platform/testing';
import { ACLS_FILE, aclLines, aclPlan, aclPrincipals } from './kafka-acls';
import { TOPICS_FILE, topicLines } from './kafka-topics';
import { SERVICES } from './services';

const ROOT = path.resolve(__dirname, '..');
/** A fresh build stands in for the image's dist/ (inside the workspace, so node_modules resolve as in the image). */
const OUT = path.join(ROOT, 'tmp', `compose-build-${process.pid}`);

/** The image's compiled entry point for a service's source entry. */
function compiledEntry(entry: string): string {
  return `dist/${entry.replace(/\.ts$/, '.js')}`;
}

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
}

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** Docker compose interpolation: `${VAR:-default}` takes the default, `${VAR:?message}` the value given. */
function interpolate(value: string, given: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (_, name: string, kind: string | undefined, rest: string) => {
      if (given[name] !== undefined) return given[name];
      if (kind === '-') return rest;
      if (kind === '?') throw new Error(`${name} is required: ${rest}`);
      return '';
    },
  );
}

describe('docker-compose.yml', () => {
  it('pins every image to a version', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.image) expect(`${name}: ${service.image}`).toMatch(/:\d+(\.\d+)+(-[a-z]+)?$/);
    }
  });

  it('runs every service of the platform on its port, from an entry point that exists', () => {
    for (const service of SERVICES) {
      const entry = compose.services[service.name];
      expect(entry).toBeDefined();
      expect(entry.command).toEqual([compiledEntry(service.entry)]);
      expect(existsSync(path.join(ROOT, service.entry))).toBe(true);
      expect(entry.environment?.PORT).toBe(String(service.port));
    }
  });

  it('builds the image in two stages and runs the compiled output with plain node as a non-root user', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    for (const stage of stages)
      expect(stage.split('\n')[0]).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+-slim AS \w+$/);
    const runtime = stages[1];
    expect(runtime).toContain('--omit=dev');
    expect(runtime).toContain('COPY --from=build /praxis/dist ./dist');
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('ENTRYPOINT ["node"]');
    expect(runtime).not.toContain('register');
  });

  it('publishes only the gateway: subgraphs are reachable from it on the compose network, not from outside', () => {
    const published = Object.entries(compose.services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name, service]) => `${name} ${String(service.ports)}`);
    expect(published).toEqual(['gateway 4000:4000']);
  });

  it('runs the gateway and every subgraph with NODE_ENV=production (introspection off)', () => {
    for (const service of SERVICES) {
      expect(`${service.name} ${compose.services[service.name].environment?.NODE_ENV}`).toBe(
        `${service.name} production`,
      );
    }
  });

  it('gives each service its own database, created by the PostgreSQL init script', () => {
    const init = readFileSync(path.join(ROOT, 'infra/postgres/init.sql'), 'utf8');
    for (const service of SERVICES.filter((s) => s.database)) {
      const url = compose.services[service.name].environment?.DATABASE_URL ?? '';
      expect(url).toContain(`@postgres:5432/praxis_${service.name}`);
      expect(init).toContain(`CREATE DATABASE praxis_${service.name};`);
    }
  });

  it('points the gateway at every subgraph', () => {
    const gateway = compose.services.gateway.environment ?? {};
    for (const service of SERVICES.filter((s) => s.subgraph)) {
      expect(gateway[`SUBGRAPH_${service.name.toUpperCase()}_URL`]).toBe(
        `http://${service.name}:${service.port}/graphql`,
      );
    }
  });

  it('gives every process the scraper token, so /metrics is never anonymous on a published port', () => {
    for (const service of SERVICES) {
      const environment = compose.services[service.name].environment ?? {};
      expect(`${service.name} ${String(environment.METRICS_TOKEN)}`).toBe(
        `${service.name} \${PRAXIS_METRICS_TOKEN:-}`,
      );
    }
  });

  it("passes each service's own configuration validation with the environment compose gives it, compiled", async () => {
    await build(ROOT, OUT);
    const { privateJwk } = await generateSigningKeys();
    const eventKeys = await generateSigningKeys();
    const given = {
      PRAXIS_SIGNING_KEY: JSON.stringify(privateJwk),
      PRAXIS_EVENT_SIGNING_KEY: JSON.stringify(eventKeys.privateJwk),
      PRAXIS_EVENT_VERIFICATION_KEYS: JSON.stringify(eventKeys.publicJwks),
      PRAXIS_METRICS_TOKEN: 'a-prometheus-bearer-token-of-enough-length',
      PRAXIS_COMMUNITY_REFLECTION_SECRET: Buffer.alloc(32, 1).toString('base64'),
      ...Object.fromEntries(
        SERVICES.filter((service) => service.database).map((service) => [
          `PRAXIS_KAFKA_PASSWORD_${service.name.toUpperCase()}`,
          `${service.name} kafka password`,
        ]),
      ),
    };
    for (const service of SERVICES) {
      const environment = Object.fromEntries(
        Object.entries(compose.services[service.name].environment ?? {}).map(([key, value]) => [
          key,
          interpolate(String(value), given),
        ]),
      );
      const [command] = compose.services[service.name].command ?? [];
      const run = spawnSync(
        process.execPath,
        [path.join(OUT, path.relative('dist', command)), '--check-config'],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH,
            ...environment,
            SUPERGRAPH_PATH: path.join(ROOT, 'infra/supergraph.graphql'),
          },
          encoding: 'utf8',
          timeout: 30000,
        },
      );
      expect(`${service.name}: ${run.status} ${run.stderr}`).toBe(`${service.name}: 0 `);
    }
  }, 120000);

  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('creates every contract topic through the committed topic list (run npm run topics when this fails)', () => {
    expect(readFileSync(TOPICS_FILE, 'utf8')).toBe(topicLines());
  });

  describe('Kafka authentication and the ACL plan', () => {
    const plan = aclPlan();
    const grants = (principal: string, operation: 'Read' | 'Write', topic: string) =>
      plan.some(
        (entry) =>
          entry.principal === principal &&
          entry.resource === 'topic' &&
          entry.name === topic &&
          entry.pattern === 'literal' &&
          entry.operations.includes(operation),
      );

    it('applies the committed ACL list generated from the contracts (run npm run topics when this fails)', () => {
      expect(readFileSync(ACLS_FILE, 'utf8')).toBe(aclLines());
    });

    it('lets a service write only its own topics and read only what its contracts say it consumes', () => {
      const principals = aclPrincipals(plan);
      for (const contract of ALL_EVENTS) {
        expect(principals.filter((principal) => grants(principal, 'Write', contract.topic))).toEqual([
          contract.producer,
        ]);
        expect(principals.filter((principal) => grants(principal, 'Read', contract.topic))).toEqual(
          [...contract.consumers].sort(),
        );
      }
      // nothing beyond literal topic grants and each principal's own consumer groups
      for (const entry of plan) {
        if (entry.resource === 'group')
          expect(entry).toMatchObject({ name: `${entry.principal}.`, pattern: 'prefixed' });
        else expect(entry.pattern).toBe('literal');
      }
      // the demographics topic is readable by the reporting service alone
      expect(
        principals.filter((principal) => grants(principal, 'Read', MemberDemographicsRecordedV2.topic)),
      ).toEqual(['engagement']);
    });

    /** The least environment each service's configuration accepts, for the definitions that take options. */
    const minimalEnvironment = minimalServiceEnv();
    /**
     * Each service's definition as it runs in production, keyed by the names in tools/services.ts (the next test
     * fails for a service added there without a definition here). Engagement gets a demographics key, as
     * compose can give it, so its demographics consumer is part of what is checked.
     */
    const definitions: Record<string, () => ServiceDefinition> = {
      membership: () => membershipService,
      proposals: () => proposalsService,
      mentorship: () => mentorshipService(loadMentorshipConfig(minimalEnvironment).mentorship),
      funding: () => fundingService(),
      community: () => communityService,
      engagement: () =>
        engagementService(
          loadEngagementConfig({
            ...minimalEnvironment,
            DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY: JSON.stringify({
              kty: 'EC',
              crv: 'P-256',
              x: 'eA',
              y: 'eQ',
              d: 'ZA',
            }),
          }).engagement,
        ),
    };
    const backendServices = SERVICES.filter((service) => service.database).map((service) => service.name);

    it('has a definition for every service with a database in tools/services.ts, and no other', () => {
      expect(Object.keys(definitions).sort()).toEqual([...backendServices].sort());
      expect(backendServices).toEqual(
        expect.arrayContaining([
          'membership',
          'proposals',
          'mentorship',
          'funding',
          'community',
          'engagement',
        ]),
      );
    });

    it.each(backendServices)('agrees with what %s really produces and consumes', (name) => {
      const definition = definitions[name]();
      expect(definition.name).toBe(name);
      // produces exactly the contracts that name it as producer
      expect(definition.produces.map((contract) => contract.topic).sort()).toEqual(
        ALL_EVENTS.filter((contract) => contract.producer === name)
          .map((contract) => contract.topic)
          .sort(),
      );
      // reads only what its contracts let it read, in its own consumer groups
      const read = new Set<string>();
      for (const consumer of definition.consumers?.({} as DataSource) ?? []) {
        expect(consumer.groupId.startsWith(`${name}.`)).toBe(true);
        for (const handler of consumer.handlers) {
          const contract: EventContract = handler.contract;
          read.add(contract.topic);
          expect(`${name} reads ${contract.topic}: ${contract.consumers.includes(name)}`).toBe(
            `${name} reads ${contract.topic}: true`,
          );
        }
      }
      // and really reads every topic its contracts grant it (an ACL granted and unused is a defect too)
      const granted = ALL_EVENTS.filter((contract) => contract.consumers.includes(name)).map(
        (contract) => contract.topic,
      );
      expect([...new Set(granted)].filter((topic) => !read.has(topic)).sort()).toEqual([]);
    });

    it('runs the broker with SASL/SCRAM only and deny-by-default ACLs, and gives every service its own principal', () => {
      const broker = readFileSync(path.join(ROOT, 'infra/kafka/start-broker.sh'), 'utf8');
      expect(broker).toMatch(/^listeners=SASL_PLAINTEXT:\/\/:9092,CONTROLLER:\/\/127\.0\.0\.1:9093$/m);
      expect(broker).toMatch(/^allow\.everyone\.if\.no\.acl\.found=false$/m);
      expect(broker).toMatch(/^sasl\.enabled\.mechanisms=SCRAM-SHA-512$/m);
      const init = compose.services['kafka-init'].environment ?? {};
      for (const service of SERVICES.filter((s) => s.database)) {
        const environment = compose.services[service.name].environment ?? {};
        expect(environment).toMatchObject({
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: service.name,
        });
        const variable = `PRAXIS_KAFKA_PASSWORD_${service.name.toUpperCase()}`;
        expect(environment.KAFKA_SASL_PASSWORD).toContain(variable);
        expect(init[`KAFKA_PASSWORD_${service.name.toUpperCase()}`]).toContain(variable);
      }
    });
  });
});
