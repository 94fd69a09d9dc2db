import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  type DocumentNode,
  type GraphQLSchema,
  isListType,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { z } from 'zod';
import { env } from '@praxis/platform/config';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/**
 * What one operation may ask for. Tokens stop a document at parse time; depth, aliases and directives are
 * validation rules from graphql-armor; cost (list sizes multiplied through) is computed by
 * graphql-query-complexity once the variables are known.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 5000,
};

/** Fields evaluated by the cost walk (fragments expanded): a fragment bomb stops here, in microseconds. */
export const MAX_COST_NODES = 10000;
/** A list with no `first`/`limit` argument is assumed to hold this many items. */
export const ASSUMED_LIST_SIZE = 10;
/** Introspection costs a flat amount: a client that needs the schema asks once, not 150 times. */
export const INTROSPECTION_COST = 200;

/** The same variable names in the gateway and every subgraph (`libs/platform/config` rules). */
export const queryLimitsEnvShape = {
  MAX_QUERY_DEPTH: env.int(DEFAULT_QUERY_LIMITS.maxDepth, 2),
  MAX_QUERY_ALIASES: env.int(DEFAULT_QUERY_LIMITS.maxAliases, 0),
  MAX_QUERY_DIRECTIVES: env.int(DEFAULT_QUERY_LIMITS.maxDirectives, 0),
  MAX_QUERY_TOKENS: env.int(DEFAULT_QUERY_LIMITS.maxTokens, 100),
  MAX_QUERY_COST: env.int(DEFAULT_QUERY_LIMITS.maxCost, 10),
};

type QueryLimitsEnv = { [K in keyof typeof queryLimitsEnvShape]: z.infer<(typeof queryLimitsEnvShape)[K]> };

export function queryLimitsFromEnv(config: QueryLimitsEnv): QueryLimits {
  return {
    maxDepth: config.MAX_QUERY_DEPTH,
    maxAliases: config.MAX_QUERY_ALIASES,
    maxDirectives: config.MAX_QUERY_DIRECTIVES,
    maxTokens: config.MAX_QUERY_TOKENS,
    maxCost: config.MAX_QUERY_COST,
  };
}

function limitError(limit: keyof QueryLimits | 'maxCostNodes', message: string, max: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max, http: { status: 400 } },
  });
}

/** graphql-armor throws by default, which Apollo answers as an internal error; report it as validation instead. */
function reporting(limit: keyof QueryLimits, max: number) {
  return {
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, ''), max)),
    ],
  };
}

export function queryLimitRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule[] {
  return [
    maxDepthRule({ ...reporting('maxDepth', limits.maxDepth), flattenFragments: true }),
    maxAliasesRule(reporting('maxAliases', limits.maxAliases)),
    maxDirectivesRule(reporting('maxDirectives', limits.maxDirectives)),
  ] as unknown as ValidationRule[];
}

/**
 * What resolving one field costs: an object (or a list of them) one unit, a leaf (scalar or enum) a tenth,
 * since it is a value of a row already loaded. A page of 100 records with twenty fields each and a bounded
 * list in each is a legitimate request; what the limit must stop is lists multiplied into each other.
 */
export const OBJECT_COST = 1;
export const LEAF_COST = 0.1;

/**
 * A field's own cost plus its children multiplied by the list size: `first`/`limit` when the field takes them
 * (the page size a connection defaults to when absent), otherwise an assumed size for a plain list (by the
 * conventions a bounded value of one record: every list that can grow is a connection). A connection's
 * `edges` is already counted by the connection's `first`.
 */
export const listSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  if (field.name === '__schema' || field.name === '__type') return INTROSPECTION_COST;
  const composite = isCompositeType(getNamedType(field.type));
  const own = composite ? OBJECT_COST : LEAF_COST;
  const sizeArg = field.args.find((arg) => arg.name === 'first' || arg.name === 'limit');
  if (sizeArg) {
    const requested: unknown = args[sizeArg.name];
    // a page larger than the maximum is refused by the resolver with BAD_USER_INPUT naming `first`
    const size =
      typeof requested === 'number' && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
    return own + size * childComplexity;
  }
  if (composite && isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')) {
    return own + ASSUMED_LIST_SIZE * Math.max(childComplexity, OBJECT_COST);
  }
  return own + childComplexity;
};

function costError(cost: number, maxCost: number): GraphQLError {
  return limitError('maxCost', `operation cost ${Math.ceil(cost)} exceeds the limit of ${maxCost}`, maxCost);
}

/** Variables longer than this (as JSON) are not worth a cache key: the cost is computed again. */
const COST_CACHE_MAX_KEY = 1000;
/** Distinct variable sets remembered per document; beyond that, new ones are computed each time. */
const COST_CACHE_PER_DOCUMENT = 100;

/** What the cost check is asked about: the parsed document (Apollo keeps one per query text), and the rest. */
export interface QueryCostInput {
  document: DocumentNode;
  schema: GraphQLSchema;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * An operation's cost against `maxCost`: the refusal, or undefined when it may run (or its variables are bad,
 * which execution answers with BAD_USER_INPUT naming the variable). Remembered per document, schema, operation
 * and variables: walking the document was a tenth of a small query's CPU in the gateway (docs/performance.md).
 * One check serves Apollo's pipeline (`queryCostPlugin`) and the gateway's single-fetch path, sharing its cache.
 */
export function queryCostCheck(maxCost: number): (input: QueryCostInput) => GraphQLError | undefined {
  const costs = new WeakMap<object, { schema: object; byVariables: Map<string, number> }>();
  return ({ document, schema, operationName, variables: given }) => {
    const variables = given ?? {};
    const json = JSON.stringify(variables);
    const key = json.length <= COST_CACHE_MAX_KEY ? `${operationName ?? ''}\u0000${json}` : null;
    let remembered = costs.get(document);
    if (!remembered || remembered.schema !== schema) {
      remembered = { schema, byVariables: new Map() };
      costs.set(document, remembered);
    }
    const known = key === null ? undefined : remembered.byVariables.get(key);
    if (known !== undefined) return known > maxCost ? costError(known, maxCost) : undefined;
    let cost: number;
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables,
        operationName: operationName ?? undefined,
        estimators: [listSizeEstimator],
        maxQueryNodes: MAX_COST_NODES,
      });
    } catch (error) {
      if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
        return limitError(
          'maxCostNodes',
          `operation expands to more than ${MAX_COST_NODES} fields (fragments counted at each use)`,
          MAX_COST_NODES,
        );
      }
      // bad variables: execution answers them with BAD_USER_INPUT naming the variable
      return undefined;
    }
    if (key !== null && remembered.byVariables.size < COST_CACHE_PER_DOCUMENT)
      remembered.byVariables.set(key, cost);
    return cost > maxCost ? costError(cost, maxCost) : undefined;
  };
}

/** Cost needs the variables (`first: $n`), so it is checked once the operation is resolved, before execution. */
export function queryCostPlugin(
  cost: (input: QueryCostInput) => GraphQLError | undefined,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const refusal = cost({
            document,
            schema,
            operationName: request.operationName,
            variables: request.variables,
          });
          if (refusal) throw refusal;
        },
      };
    },
  };
}

/** Everything an Apollo server needs to enforce the limits: spread into its options. */
export function queryLimitsServerOptions(limits: QueryLimits = DEFAULT_QUERY_LIMITS): {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  plugins: ApolloServerPlugin[];
  /** The cost check the plugin runs, for a path that executes without Apollo's pipeline (the gateway's). */
  cost: (input: QueryCostInput) => GraphQLError | undefined;
} {
  const cost = queryCostCheck(limits.maxCost);
  return {
    validationRules: queryLimitRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [queryCostPlugin(cost)],
    cost,
  };
}
