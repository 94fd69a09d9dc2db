/**
 * SQLSTATEs with which PostgreSQL refuses or drops a connection while it stops, restarts or recovers:
 * `admin_shutdown` ("terminating connection due to administrator command"), `crash_shutdown` and
 * `cannot_connect_now` ("the database system is starting up", "… is in recovery mode"). Class 08 (connection
 * exceptions) is matched by its prefix.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/** What the socket says when the server is not there (stopped, restarting, unreachable for a moment). */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * What pg and pg-pool throw, without a code, when a connection ends under a query or cannot be made in time
 * ("Connection terminated unexpectedly", "Client has encountered a connection error and is not queryable").
 */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect$)|is not queryable$/;

/**
 * Why an error means the database was unavailable rather than that the statement was wrong: the SQLSTATE or
 * socket code (`57P03`, `ECONNREFUSED`), `connection terminated` for pg's own errors, or null for any other error.
 * Looks through the wrappers the error may have come in: TypeORM's `driverError`, GraphQL's `originalError` and
 * an AggregateError's `errors` (a host name with several addresses). Not `cause`: `fetch` puts a refused socket
 * there, and a call to another server that failed is no sign of the database.
 */
export function databaseUnavailableReason(error: unknown): string | null {
  return reasonOf(error, 0);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return reasonOf(error, 0) !== null;
}

function reasonOf(error: unknown, depth: number): string | null {
  if (typeof error !== 'object' || error === null || depth > 5) return null;
  const { code, message, driverError, originalError, errors } = error as Record<string, unknown>;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))
      return code;
  } else if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) {
    return 'connection terminated';
  }
  for (const inner of [driverError, originalError, ...(Array.isArray(errors) ? errors : [])]) {
    if (inner === error) continue;
    const reason = reasonOf(inner, depth + 1);
    if (reason) return reason;
  }
  return null;
}

/**
 * Matches, by `instanceof`, any error `databaseUnavailableReason` recognises, whatever its class (pg's
 * DatabaseError, a socket's Error, TypeORM's QueryFailedError): for `@Catch(DatabaseUnavailable)` in a Nest
 * exception filter, which selects filters by `instanceof`.
 */
export abstract class DatabaseUnavailable {
  static [Symbol.hasInstance](value: unknown): boolean {
    return isDatabaseUnavailable(value);
  }
}
