import { HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import {
  getNamedType,
  getVariableValues,
  GraphQLError,
  isAbstractType,
  isNonNullType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { QueryCostInput } from '@praxis/platform/graphql';
import type { CacheHint, GatewayContext, SubgraphDataSource } from './subgraph-data-source';

/** Documents whose route is remembered (each a query text and operation name): the web client has about 200. */
export const SINGLE_FETCH_DOCUMENTS = 5000;

/** The client's `Accept` headers the fast path answers, and the content type Apollo chooses for each. */
const CONTENT_TYPES = new Map<string | undefined, string>([
  [undefined, 'application/json; charset=utf-8'],
  ['*/*', 'application/json; charset=utf-8'],
  ['application/json', 'application/json; charset=utf-8'],
  // Apollo Client 4's default
  [
    'application/graphql-response+json,application/json;q=0.9',
    'application/graphql-response+json; charset=utf-8',
  ],
]);

/** The directives a forwarded document may carry: the subgraph applies them exactly as the gateway would. */
const FORWARDABLE_DIRECTIVES = new Set(['include', 'skip']);

/** An operation the gateway has validated whose query plan is one fetch from one subgraph, sent as it came. */
interface SingleFetchRoute {
  subgraph: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  schema: GraphQLSchema;
  /** The data Apollo Gateway answers when the fetch brought none: each root field null, or null altogether. */
  emptyData: Record<string, null> | null;
}

type GatewayRequestContext = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['requestContext'];
type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];

/** Apollo's cache policy as its cache-control plugin computes it for a gateway (no schema hints). */
class CachePolicy {
  maxAge: number | undefined;
  scope: 'PUBLIC' | 'PRIVATE' | undefined;

  restrict(hint: CacheHint): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge))
      this.maxAge = hint.maxAge;
    if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
  }

  /** The Cache-Control header Apollo's plugin sets: cacheable only with a max age and no errors. */
  header(errors: boolean): string {
    if (errors || this.maxAge === undefined || this.maxAge === 0) return 'no-store';
    return `max-age=${this.maxAge}, ${(this.scope ?? 'PUBLIC').toLowerCase()}`;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function routeKey(query: string, operationName: string | null | undefined): string {
  return `${operationName ?? ''}\u0000${query}`;
}

export interface SingleFetchOptions {
  /** Each subgraph's data source, as Apollo Gateway's `buildService` made it. */
  dataSources: ReadonlyMap<string, SubgraphDataSource>;
  /** The gateway's cost check (`queryLimitsServerOptions(...).cost`): the one its Apollo pipeline runs. */
  cost: (input: QueryCostInput) => GraphQLError | undefined;
  /** The gateway's `formatError`, applied to every error of an answer as Apollo Server applies it. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  maxDocuments?: number;
}

/**
 * The gateway's single-fetch path. An operation Apollo Gateway has already validated against the API schema,
 * whose query plan is one fetch from one subgraph (no `@requires`, no rewrites, no follow-up fetch), is sent to
 * that subgraph as the client wrote it, through the same `SubgraphDataSource`, and the subgraph's answer is
 * returned as Apollo Server would return the gateway's: the errors reshaped as Apollo Gateway reshapes a
 * subgraph's (`serviceName`, `DOWNSTREAM_SERVICE_ERROR` when uncoded, no locations), then `formatError`, the same
 * Cache-Control and content type. It skips Apollo Server's request pipeline and the gateway's executor (query
 * plan lookup, building the subgraph operation, merging and shaping the result), about a quarter of the gateway's
 * CPU on a small query (docs/performance.md, "Tenth pass").
 *
 * The first request of a document goes the full path, which records the route (`record`, Apollo Gateway's
 * `experimental_didResolveQueryPlan`). A request takes the fast path only when nothing about it needs Apollo: a
 * POST of `application/json` (CSRF prevention satisfied), no `extensions`, an Accept header Apollo answers with
 * JSON, variables that coerce against the API schema and a cost within the limit; anything else, including
 * every refusal, goes the full path, which answers it. Introspection, abstract types, directives other than
 * `@include`/`@skip`, several operations in one document and unused variables never take it.
 */
export class SingleFetchRoutes {
  private readonly routes: LRUCache<string, SingleFetchRoute | false>;

  constructor(private readonly options: SingleFetchOptions) {
    this.routes = new LRUCache({ max: options.maxDocuments ?? SINGLE_FETCH_DOCUMENTS });
  }

  /** Apollo Gateway's `experimental_didResolveQueryPlan`: remembers whether the document may take the fast path. */
  readonly record = ({
    queryPlan,
    requestContext,
  }: {
    queryPlan: QueryPlan;
    requestContext: GatewayRequestContext;
  }) => {
    const { query, operationName } = requestContext.request;
    if (query === undefined) return;
    const key = routeKey(query, operationName);
    if (this.routes.has(key)) return;
    this.routes.set(key, this.routeOf(queryPlan, requestContext) ?? false);
  };

  /** Whether a document has a recorded route (for tests). */
  routeFor(query: string, operationName?: string | null): string | undefined {
    const route = this.routes.get(routeKey(query, operationName));
    return route ? route.subgraph : undefined;
  }

  /**
   * The answer to a request on the fast path, or undefined when the request is not one for it (the caller runs
   * Apollo Server's full path). Decided before anything is sent.
   */
  answer(request: HTTPGraphQLRequest, context: GatewayContext): Promise<HTTPGraphQLResponse> | undefined {
    if (request.method !== 'POST' || !isPlainObject(request.body)) return undefined;
    const contentType = CONTENT_TYPES.get(request.headers.get('accept'));
    if (!contentType) return undefined;
    const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return undefined;
    const { query, operationName, variables, extensions } = request.body;
    if (typeof query !== 'string' || extensions !== undefined) return undefined;
    // Apollo Server and graphql-js differ on an empty name (no operation, or the only one): left to Apollo
    if (operationName === '') return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
      return undefined;
    if (variables !== undefined && variables !== null && !isPlainObject(variables)) return undefined;
    const route = this.routes.get(routeKey(query, operationName));
    const dataSource = route ? this.options.dataSources.get(route.subgraph) : undefined;
    if (!route || !dataSource) return undefined;
    const given = variables ?? {};
    const coerced = getVariableValues(route.schema, route.operation.variableDefinitions ?? [], given);
    if (coerced.errors) return undefined;
    if (this.options.cost({ document: route.document, schema: route.schema, operationName, variables }))
      return undefined;
    // what Apollo Gateway sends: the variables the operation uses (here all it defines), as the client gave them
    const sent: Record<string, unknown> = {};
    for (const definition of route.operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (Object.hasOwn(given, name) && given[name] !== undefined) sent[name] = given[name];
    }
    return this.forward(
      route,
      dataSource,
      { query, variables: sent, operationName: operationName ?? undefined },
      context,
      contentType,
    );
  }

  private async forward(
    route: SingleFetchRoute,
    dataSource: SubgraphDataSource,
    request: { query: string; variables: Record<string, unknown>; operationName: string | undefined },
    context: GatewayContext,
    contentType: string,
  ): Promise<HTTPGraphQLResponse> {
    const policy = new CachePolicy();
    const errors: unknown[] = [];
    let data: unknown = route.emptyData;
    try {
      const answer = await dataSource.forward(request, context, policy);
      if (isPlainObject(answer.data)) data = answer.data;
      for (const error of answer.errors ?? []) errors.push(downstreamError(error, route.subgraph));
    } catch (error) {
      // Apollo Gateway keeps a failed fetch's error as thrown (SERVICE_UNAVAILABLE, 401/403, a bad answer)
      errors.push(error);
    }
    const headers = new HeaderMap();
    let status = 200;
    let formatted: GraphQLFormattedError[] | undefined;
    if (errors.length > 0) {
      formatted = errors.map((error) => {
        try {
          const { formatted: enriched, http } = enrich(error);
          if (http?.status) status = http.status;
          for (const [name, value] of http?.headers ?? []) headers.set(name, value);
          return this.options.formatError(enriched, error);
        } catch {
          return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
        }
      });
    }
    headers.set('cache-control', policy.header(errors.length > 0));
    headers.set('content-type', contentType);
    return {
      status,
      headers,
      body: { kind: 'complete', string: `${JSON.stringify({ errors: formatted, data })}\n` },
    };
  }

  private routeOf(queryPlan: QueryPlan, requestContext: GatewayRequestContext): SingleFetchRoute | undefined {
    const fetch = queryPlan.node;
    if (fetch?.kind !== 'Fetch' || fetch.requires?.length || fetch.hasDefers) return undefined;
    if (fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length)
      return undefined;
    const { document, operation, schema } = requestContext;
    if (!document || !operation || operation.operation === 'subscription') return undefined;
    const operations = document.definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (operations.length !== 1) return undefined;
    const used = new Set(fetch.variableUsages ?? []);
    if ((operation.variableDefinitions ?? []).some((definition) => !used.has(definition.variable.name.value)))
      return undefined;
    const rootType = schema.getRootType(operation.operation);
    if (!rootType) return undefined;
    let nonNullRoot = false;
    const emptyData: Record<string, null> = {};
    for (const selection of operation.selectionSet.selections) {
      // a root fragment or directive, or `__typename`, is resolved by the gateway itself even when a fetch fails
      if (selection.kind !== Kind.FIELD || selection.directives?.length) return undefined;
      const field = rootType.getFields()[selection.name.value];
      if (!field) return undefined;
      if (isNonNullType(field.type)) nonNullRoot = true;
      emptyData[selection.alias?.value ?? selection.name.value] = null;
    }
    if (!forwardable(document, schema)) return undefined;
    return {
      subgraph: fetch.serviceName,
      document,
      operation,
      schema,
      emptyData: nonNullRoot ? null : emptyData,
    };
  }
}

/** No introspection, no abstract type (Apollo Gateway checks each `__typename`), only `@include` and `@skip`. */
function forwardable(document: DocumentNode, schema: GraphQLSchema): boolean {
  const typeInfo = new TypeInfo(schema);
  let ok = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive(node) {
        if (!FORWARDABLE_DIRECTIVES.has(node.name.value)) {
          ok = false;
          return BREAK;
        }
        return undefined;
      },
      Field(node) {
        if (node.name.value === '__schema' || node.name.value === '__type') {
          ok = false;
          return BREAK;
        }
        const type = typeInfo.getType();
        if (!type || isAbstractType(getNamedType(type))) {
          ok = false;
          return BREAK;
        }
        return undefined;
      },
      InlineFragment(node) {
        const type = typeInfo.getType();
        if (node.typeCondition && (!type || isAbstractType(getNamedType(type)))) {
          ok = false;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return ok;
}

/** A subgraph's error as Apollo Gateway passes it on (`downstreamServiceError`). */
function downstreamError(error: GraphQLFormattedError, subgraph: string): GraphQLError {
  const extensions: Record<string, unknown> = { ...error.extensions, serviceName: subgraph };
  if (!extensions.code) extensions.code = 'DOWNSTREAM_SERVICE_ERROR';
  return new GraphQLError(error.message || `Error while fetching subquery from service "${subgraph}"`, {
    path: error.path,
    extensions,
  });
}

interface HttpHint {
  status?: number;
  headers?: Map<string, string>;
}

/** What Apollo Server makes of an error before `formatError`: a code always, its `http` hint taken out. */
function enrich(error: unknown): { formatted: GraphQLFormattedError; http: HttpHint | undefined } {
  const graphqlError =
    error instanceof GraphQLError
      ? error
      : new GraphQLError(error instanceof Error ? error.message : String(error), {
          originalError: error instanceof Error ? error : undefined,
        });
  const { http, ...rest } = graphqlError.extensions as Record<string, unknown> & { http?: unknown };
  const extensions = { ...rest, code: rest.code ?? 'INTERNAL_SERVER_ERROR' };
  const hint = isPlainObject(http) ? (http as HttpHint) : undefined;
  if (http !== undefined && !hint) (extensions as Record<string, unknown>).http = http;
  return { formatted: { ...graphqlError.toJSON(), extensions }, http: hint };
}
