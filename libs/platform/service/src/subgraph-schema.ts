import { Global, Module, type DynamicModule, type ForwardReference, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { graphql } from 'graphql';
import { DataSource } from 'typeorm';
import { generateSigningKeys } from '@praxis/platform/auth';
import { MessagingModule } from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import type { ServiceSpec } from './service';

type Import = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

/** Stands in for the service's database: services receive a DataSource that is never connected. */
@Global()
@Module({})
class UnconnectedDatabaseModule {}

function unconnectedDatabase(): DynamicModule {
  const dataSource = new DataSource({ type: 'postgres' });
  return {
    module: UnconnectedDatabaseModule,
    global: true,
    providers: [
      { provide: DataSource, useValue: dataSource },
      { provide: getDataSourceToken(), useValue: dataSource },
    ],
    exports: [DataSource, getDataSourceToken()],
  };
}

/**
 * The app's own module tree with its infrastructure taken out: no database connection (an unconnected DataSource
 * instead), no outbox relay or consumers (the messaging module is dropped). Resolvers and their services are
 * constructed, so the schema is exactly the one the service serves.
 */
function withoutInfrastructure(module: DynamicModule): DynamicModule {
  const replace = (entry: Import): Import[] => {
    if (entry instanceof Promise || !('module' in entry)) return [entry];
    if (entry.module === TypeOrmModule) return [unconnectedDatabase()];
    if (entry.module === MessagingModule) return [];
    return [entry.imports ? { ...entry, imports: entry.imports.flatMap(replace) } : entry];
  };
  return { ...module, imports: (module.imports ?? []).flatMap(replace) };
}

/** Values for the variables every service requires, for building its schema without any infrastructure. */
async function placeholderEnvironment(): Promise<Record<string, string>> {
  const keys = await generateSigningKeys();
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://schema@127.0.0.1:1/unused',
    KAFKA_BROKERS: '127.0.0.1:1',
    AUTH_JWKS: JSON.stringify(keys.publicJwks),
    AUTH_SIGNING_KEY: JSON.stringify(keys.privateJwk),
    EVENT_SIGNING_KEY: JSON.stringify(keys.privateJwk),
    EVENT_VERIFICATION_KEYS: JSON.stringify(keys.publicJwks),
  };
}

/**
 * A subgraph's SDL as it serves `{ _service { sdl } }`, built in this process from the service's own module: no
 * port, no database, no broker. `npm run supergraph` writes it and the drift test compares it with the file.
 */
export async function buildSubgraphSdl<TConfig>(spec: ServiceSpec<TConfig>): Promise<string> {
  const config = spec.loadConfig(await placeholderEnvironment());
  await spec.prepare?.(config);
  const module = withoutInfrastructure(spec.module(config, createLogger(spec.name, 'silent')));
  const app = await NestFactory.create(module, { logger: false, abortOnError: false });
  try {
    await app.init();
    const { schema } = app.get(GraphQLSchemaHost);
    const result = await graphql({ schema, source: '{ _service { sdl } }', contextValue: {} });
    const sdl = (result.data as { _service?: { sdl?: string } } | null | undefined)?._service?.sdl;
    if (!sdl) throw new Error(`${spec.name}: no SDL (${JSON.stringify(result.errors)})`);
    return `${sdl.trim()}\n`;
  } finally {
    await app.close();
  }
}
