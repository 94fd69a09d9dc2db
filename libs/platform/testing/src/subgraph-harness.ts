import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { getApolloServer } from '@nestjs/apollo';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import type { Role } from '@praxis/contracts';
import {
  AuthModule,
  CURRENT_PRINCIPAL_SOURCE,
  generateSigningKeys,
  TokenIssuer,
  type CurrentPrincipalSource,
  type Principal,
} from '@praxis/platform/auth';
import {
  openServiceDatabase,
  serviceDataSourceOptions,
  type ServiceDataSourceOptions,
} from '@praxis/platform/database';
import {
  DEFAULT_QUERY_LIMITS,
  GraphQLErrorsModule,
  inputValidationPipe,
  subgraphModule,
  type QueryLimits,
} from '@praxis/platform/graphql';
import { createLogger } from '@praxis/platform/observability';
import { createTestDatabase } from './helpers';

const AUTH = { AUTH_ISSUER: 'praxis-test', AUTH_AUDIENCE: 'praxis-test', AUTH_ROLES_CLAIM: 'praxis_roles' };

export interface OperationResult<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Who calls: nobody (no token), or a member with roles (`lead` needs the institution it leads). */
export type Caller = null | { memberId: string; roles?: Array<Role | { role: Role; institutionId: string }> };

/**
 * A token issued earlier (`tokenFor`), sent as it is: a session that outlives a change to its roles. A fresh token
 * per call would be issued after the change, which membership never does with a revoked role.
 */
export interface IssuedToken {
  token: string;
}

export interface SubgraphHarness {
  app: INestApplication;
  dataSource: DataSource;
  /** The test database's URL (for an outbox relay or consumers started beside the subgraph). */
  databaseUrl: string;
  issuer: TokenIssuer;
  schema: GraphQLSchema;
  /** Runs one operation through the subgraph's real Apollo pipeline (limits, guards, pipes, error mapping). */
  execute<TData = Record<string, unknown>>(
    caller: Caller | IssuedToken,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<OperationResult<TData>>;
  tokenFor(caller: Exclude<Caller, null>): Promise<string>;
  close(): Promise<void>;
}

export function principalOf(caller: Exclude<Caller, null>): Principal {
  return {
    memberId: caller.memberId,
    roles: (caller.roles ?? []).map((grant) =>
      typeof grant === 'string' ? { role: grant, institutionId: null } : grant,
    ),
  };
}

/**
 * One subgraph in-process, as its app module composes it but without a broker: a fresh PostgreSQL database
 * migrated from the service's migrations, token verification with a throwaway key, the subgraph module with
 * the platform's limits, and the service's feature module. Events are written to the outbox and stay there.
 */
export async function startSubgraphHarness(options: {
  name: string;
  database: Pick<ServiceDataSourceOptions, 'entities' | 'migrations'>;
  feature: (issuer: TokenIssuer) => DynamicModule | Promise<DynamicModule>;
  limits?: QueryLimits;
  /**
   * Before each operation, wait until the service's view of callers reflects every change committed so far (a
   * source that keeps it between requests learns of changes by NOTIFY, a few milliseconds after their commit),
   * so a test that changes roles with SQL and then calls needs no polling. Off for a test of that timing itself.
   */
  settleCallers?: boolean;
}): Promise<SubgraphHarness> {
  const db = await createTestDatabase(options.name);
  const { privateJwk, publicJwks } = await generateSigningKeys();
  const issuer = await TokenIssuer.fromJwk(privateJwk, {
    issuer: AUTH.AUTH_ISSUER,
    audience: AUTH.AUTH_AUDIENCE,
    ttlSeconds: 600,
    rolesClaim: AUTH.AUTH_ROLES_CLAIM,
  });
  const databaseOptions = {
    url: db.url,
    ...options.database,
    applicationName: `praxis-${options.name}-test`,
  };
  const logger = createLogger(`${options.name}-test`, process.env.TEST_LOG_LEVEL ?? 'silent');
  @Module({})
  class SubgraphTestModule {}
  const root: DynamicModule = {
    module: SubgraphTestModule,
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () => serviceDataSourceOptions(databaseOptions),
        dataSourceFactory: async () => openServiceDatabase(databaseOptions),
      }),
      AuthModule.forRoot({ ...AUTH, AUTH_JWKS: JSON.stringify(publicJwks) }),
      subgraphModule({ logger, limits: options.limits ?? DEFAULT_QUERY_LIMITS, introspection: true }),
      { module: GraphQLErrorsModule },
      await options.feature(issuer),
    ],
  };
  const app = await NestFactory.create(root, { logger: false });
  app.useGlobalPipes(inputValidationPipe());
  await app.init();
  const server = getApolloServer(app);
  const dataSource = app.get(DataSource);
  const callers =
    options.settleCallers === false
      ? null
      : optionalProvider<CurrentPrincipalSource>(app, CURRENT_PRINCIPAL_SOURCE);

  const tokenFor = (caller: Exclude<Caller, null>) => issuer.issue(principalOf(caller));
  return {
    app,
    dataSource,
    databaseUrl: db.url,
    issuer,
    schema: app.get(GraphQLSchemaHost).schema,
    tokenFor,
    async execute<TData>(caller: Caller | IssuedToken, query: string, variables?: Record<string, unknown>) {
      await callers?.settle?.();
      const token = caller === null ? null : 'token' in caller ? caller.token : await tokenFor(caller);
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      const response = await server.executeOperation(
        { query, variables },
        { contextValue: { req: { headers } } },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
      return response.body.singleResult as OperationResult<TData>;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** A provider of the app, or null when no module provides it (the app's own `get` would end the process). */
function optionalProvider<T>(app: INestApplication, token: symbol): T | null {
  try {
    return app.get(ModuleRef).get<T>(token, { strict: false });
  } catch {
    return null;
  }
}
