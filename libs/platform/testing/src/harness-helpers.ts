import { randomUUID } from 'node:crypto';
import { isObjectType, Kind, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Role } from '@praxis/contracts';
import type { Caller, IssuedToken, SubgraphHarness } from './subgraph-harness';

/**
 * A member as a consuming service's replica knows them (the shared `member_replica` tables), with the roles
 * the guard will read: a caller of that service's in-process harness must exist there.
 */
export async function seedReplicaMember(
  dataSource: DataSource,
  memberId: string,
  options: {
    careerStage?: string;
    institutionId?: string;
    roles?: Array<Role | { role: Role; institutionId: string }>;
    /** Whether a lead or an admin confirmed the institution and career stage (the replica's default: yes). */
    confirmed?: boolean;
  } = {},
): Promise<void> {
  await dataSource.query(
    `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, interests,
       institution_confirmed, career_stage_confirmed)
     VALUES ($1, $2, $3, $4, '{}', $5, $5)`,
    [
      memberId,
      `Member ${memberId.slice(0, 4)}`,
      options.careerStage ?? 'RESIDENT',
      options.institutionId ?? randomUUID(),
      options.confirmed ?? true,
    ],
  );
  for (const grant of options.roles ?? []) {
    const [role, institutionId] =
      typeof grant === 'string' ? [grant, null] : [grant.role, grant.institutionId];
    await dataSource.query(
      `INSERT INTO member_role_replica (member_id, role, institution_key, institution_id) VALUES ($1, $2, $3, $4)`,
      [memberId, role, institutionId ?? '', institutionId],
    );
  }
}

/** The data of an operation that must succeed; its errors, if any, fail the test with their messages. */
export async function executeOk<TData = Record<string, unknown>>(
  subgraph: SubgraphHarness,
  caller: Caller | IssuedToken,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<TData> {
  const result = await subgraph.execute<TData>(caller, query, variables);
  if (result.errors || !result.data) {
    throw new Error(`operation failed: ${JSON.stringify(result.errors ?? 'no data')}`);
  }
  return result.data;
}

/** The public error code an operation is answered with (undefined when it succeeds). */
export async function errorCodeOf(
  subgraph: SubgraphHarness,
  caller: Caller | IssuedToken,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<unknown> {
  return (await subgraph.execute(caller, query, variables)).errors?.[0]?.extensions?.code;
}

/** What a test reads of a connection in an operation's data. */
export interface ConnectionData<T> {
  totalCount: number;
  edges: Array<{ node: T }>;
}

/**
 * The entity types (`@key`, resolvable) of a subgraph's schema that have no reference resolver: another
 * subgraph referencing one would get an error from `_entities` at run time.
 */
export function keyTypesWithoutReferenceResolver(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) =>
      (type.astNode?.directives ?? []).some(
        (directive) =>
          directive.name.value === 'key' &&
          !directive.arguments?.some(
            (argument) =>
              argument.name.value === 'resolvable' &&
              argument.value.kind === Kind.BOOLEAN &&
              !argument.value.value,
          ),
      ),
    )
    .filter((type) => {
      const subgraph = (type.extensions as { apollo?: { subgraph?: { resolveReference?: unknown } } }).apollo
        ?.subgraph;
      return typeof subgraph?.resolveReference !== 'function';
    })
    .map((type) => type.name)
    .sort();
}
