/**
 * The one GraphQL-over-HTTP client of the tools and benchmarks (`npm run demo`, `npm run bench`): a request, its
 * data, or an error that says which operation failed and how.
 */

/** A GraphQL error as the gateway returns it. */
export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: GraphQLErrorShape[],
  ) {
    super(
      `${operation}: ${errors
        .map((error) => `${error.extensions?.code ?? 'ERROR'} ${error.message}`)
        .join('; ')}`,
    );
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/**
 * Posts one operation to a GraphQL endpoint (the gateway or a subgraph) and returns its data; GraphQL errors, an
 * answer that is not JSON and one without data become a GraphQLRequestError naming the operation.
 */
export async function graphqlRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // the gateway's CSRF protection wants a non-simple request
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'operation';
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphQLErrorShape[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new GraphQLRequestError(operation, [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }]);
  }
  if (body.errors?.length) throw new GraphQLRequestError(operation, body.errors);
  if (body.data === undefined || body.data === null)
    throw new GraphQLRequestError(operation, [{ message: `HTTP ${response.status}` }]);
  return body.data;
}
