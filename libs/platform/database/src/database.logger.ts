import type { Logger as TypeOrmLogger } from 'typeorm';
import { databaseUnavailableReason } from './database-unavailable';

/** The part of a pino logger this needs (kept structural so the database library needs no logging library). */
export interface StructuredLogger {
  error(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
  debug(details: Record<string, unknown>, message: string): void;
}

/** Writes JSON lines to stderr when a service gives no logger (tools, tests). */
export const stderrLogger: StructuredLogger = {
  error: (details, message) =>
    process.stderr.write(`${JSON.stringify({ level: 'error', ...details, msg: message })}\n`),
  warn: (details, message) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', ...details, msg: message })}\n`),
  info: () => undefined,
  debug: () => undefined,
};

/**
 * TypeORM's logging without the values: a failed INSERT would otherwise print its parameters (e-mail addresses,
 * password hashes, free text) and PostgreSQL's `detail` ("Key (email)=(ada@example.org) already exists").
 * Queries are logged as text with placeholders, failures with the SQLSTATE code, constraint and message only.
 */
export class RedactingDatabaseLogger implements TypeOrmLogger {
  constructor(
    private readonly logger: StructuredLogger,
    private readonly logQueries = false,
  ) {}

  logQuery(query: string, parameters?: unknown[]): void {
    if (this.logQueries) this.logger.debug({ query, parameterCount: parameters?.length ?? 0 }, 'query');
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    const unavailable = databaseUnavailableReason(error);
    if (unavailable) {
      // the database went away under the query (a restart): whoever handles the failure reports it once (the
      // GraphQL layer as SERVICE_UNAVAILABLE, the relay and consumers when they retry), not as a failed query
      this.logger.debug({ query, reason: unavailable }, 'query failed: database unavailable');
      return;
    }
    const driver = error as { code?: unknown; constraint?: unknown; table?: unknown };
    this.logger.error(
      {
        query,
        parameterCount: parameters?.length ?? 0,
        error: {
          message: redactMessage(typeof error === 'string' ? error : error.message),
          ...(typeof driver.code === 'string' ? { code: driver.code } : {}),
          ...(typeof driver.constraint === 'string' ? { constraint: driver.constraint } : {}),
          ...(typeof driver.table === 'string' ? { table: driver.table } : {}),
        },
      },
      'query failed',
    );
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[]): void {
    this.logger.warn({ query, ms: time, parameterCount: parameters?.length ?? 0 }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug({ schema: message }, 'schema build');
  }

  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = redactMessage(String(message));
    if (level === 'warn') this.logger.warn({}, text);
    else this.logger.info({}, text);
  }
}

/** PostgreSQL quotes offending values in some messages, e.g. `invalid input syntax for type uuid: "…"`. */
export function redactMessage(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)');
}
