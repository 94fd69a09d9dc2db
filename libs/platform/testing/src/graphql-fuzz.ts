import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { seededRandom } from './seeded-random';
import type { Caller, OperationResult, SubgraphHarness } from './subgraph-harness';

/** Values that have broken resolvers before: malformed ids, NUL, bidi overrides, huge numbers, huge text. */
const NASTY_STRINGS = [
  '',
  'x',
  'not-a-uuid',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  ' ',
  'x'.repeat(5000),
  '%',
  "'--",
];
const NASTY_INTS = [0, -1, 1, 2, 100, 101, 1000, -2147483648, 2147483647];
const NASTY_FLOATS = [0, -1, 0.5, 1e308, -1e308, 5e-324];
/** Operations generated but never sent: they sign out or change what the fuzz callers can do. */
const DEFAULT_SKIP = new Set(['_entities', '_service']);

export interface FuzzFinding {
  operation: string;
  variables: Record<string, unknown>;
  caller: string;
  error: unknown;
}

/**
 * The run's seed and bounds, shared by every subgraph's fuzz test: `FUZZ_SEED`, `FUZZ_DURATION_MS` (a time bound,
 * so a slow machine still finishes) and `FUZZ_RUNS` (the same cases on every machine: a fast one would otherwise
 * explore further than the run that last passed).
 */
export function fuzzSettings(): Pick<FuzzOptions, 'seed' | 'durationMs' | 'maxRuns'> {
  return {
    seed: Number(process.env.FUZZ_SEED ?? 20261201),
    durationMs: Number(process.env.FUZZ_DURATION_MS ?? 20000),
    maxRuns: Number(process.env.FUZZ_RUNS ?? 600),
  };
}

export interface FuzzOptions {
  schema: GraphQLSchema;
  execute: (caller: Caller, query: string, variables: Record<string, unknown>) => Promise<OperationResult>;
  callers: Array<{ name: string; caller: Caller }>;
  /** Ids that exist, so some operations go past "not found" into the real work. */
  knownIds?: () => string[];
  seed: number;
  /** A time bound, so a slow machine still finishes; `maxRuns` keeps the explored cases the same on any machine. */
  durationMs: number;
  maxRuns?: number;
  skip?: string[];
}

/**
 * Random operations and inputs generated from the schema, for a bounded time: every answer must be data or a
 * public error; an INTERNAL_SERVER_ERROR is a finding. Returns the findings and how many operations ran.
 */
export async function fuzzGraphQL(options: FuzzOptions): Promise<{ runs: number; findings: FuzzFinding[] }> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const skip = new Set([...DEFAULT_SKIP, ...(options.skip ?? [])]);
  const roots = [options.schema.getQueryType(), options.schema.getMutationType()].filter(
    (type): type is NonNullable<typeof type> => Boolean(type),
  );
  const entries = roots.flatMap((root) =>
    Object.values(root.getFields())
      .filter((field) => !skip.has(field.name))
      .map((field) => ({ kind: root === options.schema.getMutationType() ? 'mutation' : 'query', field })),
  );

  const idValue = () => {
    const known = options.knownIds?.() ?? [];
    const roll = random();
    if (known.length > 0 && roll < 0.5) return pick(known);
    return roll < 0.75 ? randomUUID() : pick(NASTY_STRINGS);
  };

  const valueFor = (type: GraphQLInputType, depth: number): unknown => {
    if (!isNonNullType(type) && random() < 0.15) return null;
    const inner = getNullableType(type);
    if (isListType(inner)) {
      const length = Math.floor(random() * 3);
      return Array.from({ length }, () => valueFor(inner.ofType as GraphQLInputType, depth + 1));
    }
    if (isEnumType(inner)) {
      return random() < 0.9 ? pick(inner.getValues()).name : 'NOT_A_VALUE';
    }
    if (isInputObjectType(inner)) {
      if (depth > 3) return {};
      return Object.fromEntries(
        Object.values(inner.getFields())
          .filter((field) => isNonNullType(field.type) || random() < 0.6)
          .map((field) => [field.name, valueFor(field.type, depth + 1)]),
      );
    }
    switch (inner.name) {
      case 'ID':
      case 'UUID':
        return idValue();
      case 'Int':
        return pick(NASTY_INTS);
      case 'Float':
        return pick(NASTY_FLOATS);
      case 'Boolean':
        return random() < 0.5;
      case 'DateTime':
      case 'Date':
        return pick(['2026-01-01T00:00:00.000Z', 'yesterday', '+275760-09-13T00:00:00.000Z', '1970-01-01']);
      default:
        return random() < 0.5 ? `fuzz ${Math.floor(random() * 1e6)}` : pick(NASTY_STRINGS);
    }
  };

  const selectionFor = (type: GraphQLOutputType, depth: number): string => {
    const named: GraphQLNamedType = getNamedType(type);
    if (isLeafType(named)) return '';
    if (!isObjectType(named) || depth > 2) return '{ __typename }';
    const fields = Object.values(named.getFields()).filter((field) =>
      field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined),
    );
    const chosen = fields.filter(() => random() < 0.6);
    const parts = chosen.map((field) => `${field.name} ${selectionFor(field.type, depth + 1)}`);
    return `{ __typename ${parts.join(' ')} }`;
  };

  const operationFor = (kind: string, field: GraphQLField<unknown, unknown>) => {
    const variables: Record<string, unknown> = {};
    const declared: string[] = [];
    const used: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && random() < 0.3) continue;
      variables[arg.name] = valueFor(arg.type, 0);
      declared.push(`$${arg.name}: ${String(arg.type)}`);
      used.push(`${arg.name}: $${arg.name}`);
    }
    const header = declared.length ? `(${declared.join(', ')})` : '';
    const args = used.length ? `(${used.join(', ')})` : '';
    return {
      query: `${kind} Fuzz${header} { ${field.name}${args} ${selectionFor(field.type, 0)} }`,
      variables,
    };
  };

  const findings: FuzzFinding[] = [];
  const deadline = Date.now() + options.durationMs;
  let runs = 0;
  const maxRuns = options.maxRuns ?? Number.POSITIVE_INFINITY;
  while (runs < maxRuns && Date.now() < deadline) {
    const { kind, field } = pick(entries);
    const { query, variables } = operationFor(kind, field);
    const { name, caller } = pick(options.callers);
    runs += 1;
    try {
      const result = await options.execute(caller, query, variables);
      const internal = (result.errors ?? []).filter(
        (error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR' || !error.extensions?.code,
      );
      if (internal.length > 0) findings.push({ operation: query, variables, caller: name, error: internal });
    } catch (error) {
      findings.push({ operation: query, variables, caller: name, error });
    }
  }
  return { runs, findings };
}

/** A well-typed value for an input type: every required field filled, lists empty, ids fresh UUIDs. */
export function plausibleValue(type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0].name;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, plausibleValue(field.type)]),
    );
  }
  switch (inner.name) {
    case 'ID':
    case 'UUID':
      return randomUUID();
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
    case 'Date':
      return '2030-01-01T00:00:00.000Z';
    default:
      return 'x';
  }
}

/** One operation on a root field with plausible variables for its required arguments. */
export function plausibleOperation(
  schema: GraphQLSchema,
  fieldName: string,
): { document: string; variables: Record<string, unknown> } {
  const mutation = schema.getMutationType()?.getFields()[fieldName];
  const field = mutation ?? schema.getQueryType()?.getFields()[fieldName];
  if (!field) throw new Error(`${fieldName} is not a root field of this schema`);
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const header = required.length
    ? `(${required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})`
    : '';
  const args = required.length ? `(${required.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  return {
    document: `${mutation ? 'mutation' : 'query'} Matrix${header} { ${fieldName}${args} ${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, plausibleValue(arg.type)])),
  };
}

/**
 * The usual fuzz callers: anonymous, a member, a lead of `institutionId` and an admin, each a fresh id (a spec
 * aimed at real records adds or swaps in the callers that own them).
 */
export function fuzzCallers(institutionId: string = randomUUID()): FuzzOptions['callers'] {
  return [
    { name: 'anonymous', caller: null },
    { name: 'member', caller: { memberId: randomUUID() } },
    { name: 'lead', caller: { memberId: randomUUID(), roles: [{ role: 'lead', institutionId }] } },
    { name: 'admin', caller: { memberId: randomUUID(), roles: ['admin'] } },
  ];
}

/**
 * `fuzzGraphQL` against an in-process subgraph, then whether it still answers `{ __typename }` afterwards
 * (`healthy`): one call for a service's fuzz spec.
 */
export async function fuzzSubgraph(
  subgraph: Pick<SubgraphHarness, 'schema' | 'execute'>,
  options: Pick<FuzzOptions, 'callers' | 'knownIds'> & ReturnType<typeof fuzzSettings>,
): Promise<{ runs: number; findings: FuzzFinding[]; healthy: boolean }> {
  const { runs, findings } = await fuzzGraphQL({
    schema: subgraph.schema,
    execute: (caller, query, variables) => subgraph.execute(caller, query, variables),
    ...options,
  });
  const health = await subgraph.execute(null, '{ __typename }');
  return { runs, findings, healthy: health.errors === undefined && health.data?.__typename === 'Query' };
}
