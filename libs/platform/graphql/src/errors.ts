import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '@praxis/platform/observability';

/** The error codes clients can rely on; each service maps its domain codes onto these in one place. */
export type PublicErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FAILED_PRECONDITION'
  | 'TOO_MANY_REQUESTS';

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
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Errors with a public code go to the client as they are; anything else is an internal failure: logged with
 * its stack, answered with a generic message so no internals leak.
 */
export function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
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
