import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { databaseUnavailableReason } from '@praxis/platform/database';
import { graphqlMetrics, type Logger } from '@praxis/platform/observability';

/** The error codes clients can rely on; each service maps its domain codes onto these in one place. */
export type PublicErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FAILED_PRECONDITION'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

export interface FieldError {
  /** Dotted path of the input field, e.g. `input.email`. */
  field: string;
  /** Machine-readable rule, e.g. `isEmail`, `maxLength`, `unique`. */
  rule: string;
  message: string;
}

/** Makes a `switch` over an error-code enum exhaustive: a new code without a mapping fails to compile. */
export function assertUnreachable(code: never): never {
  throw new Error(`unmapped error code ${String(code)}`);
}

export function publicError(
  code: PublicErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badUserInput(fields: FieldError[], message?: string): GraphQLError {
  return publicError(
    'BAD_USER_INPUT',
    message ?? fields.map((field) => `${field.field}: ${field.message}`).join('; '),
    {
      fields,
    },
  );
}

const PUBLIC_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is briefly unavailable (restarting or unreachable); retry in a few seconds.';
/** What a client may rely on: the code, and how long to wait before retrying (a restart takes seconds). */
const DATABASE_UNAVAILABLE_EXTENSIONS = { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } as const;

/**
 * The answer to an operation that failed because the service's database was away (restarting, refusing or
 * dropping connections): retryable, unlike an internal failure. `cause` is kept for `formatErrorFor`, which logs
 * and counts it.
 */
export function databaseUnavailableError(cause?: unknown): GraphQLError {
  return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
    // not `instanceof Error`: a socket's error comes from Node's realm, which under jest is not the code's
    ...(typeof cause === 'object' && cause !== null ? { originalError: cause as Error } : {}),
    extensions: { ...DATABASE_UNAVAILABLE_EXTENSIONS },
  });
}

/**
 * Errors with a public code go to the client as they are; a database that was away (`databaseUnavailableReason`)
 * is SERVICE_UNAVAILABLE, logged as one warning and counted; anything else is an internal failure: logged with
 * its stack, answered with a generic message so no internals leak.
 */
export function formatErrorFor(logger: Logger, options: { database?: boolean } = {}) {
  // the gateway has no database: a refused socket there is a subgraph's, which no database message explains
  const database = options.database ?? true;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unavailable = database ? databaseUnavailableReason(error) : null;
    if (unavailable) {
      graphqlMetrics.databaseUnavailable.inc({ reason: unavailable });
      logger.warn(
        { reason: unavailable, path: formatted.path },
        'database unavailable: answered SERVICE_UNAVAILABLE',
      );
      return {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        path: formatted.path,
        extensions: { ...DATABASE_UNAVAILABLE_EXTENSIONS },
      };
    }
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (code && PUBLIC_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    logger.error({ err: original, path: formatted.path }, 'unhandled error in GraphQL operation');
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
