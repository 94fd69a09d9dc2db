import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { RedactingDatabaseLogger, type StructuredLogger } from './database.logger';
import { DatabaseUnavailable, databaseUnavailableReason } from './database-unavailable';

/** An error as pg reports PostgreSQL's ErrorResponse: its SQLSTATE in `code`. */
function postgresError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

describe('databaseUnavailableReason', () => {
  it.each([
    ['57P03', postgresError('57P03', 'the database system is starting up')],
    ['57P03', postgresError('57P03', 'the database system is in recovery mode')],
    ['57P01', postgresError('57P01', 'terminating connection due to administrator command')],
    ['57P02', postgresError('57P02', 'terminating connection because of crash of another server process')],
    ['08006', postgresError('08006', 'connection failure')],
    ['08P01', postgresError('08P01', 'protocol violation')],
    ['ECONNREFUSED', socketError('ECONNREFUSED')],
    ['ECONNRESET', socketError('ECONNRESET')],
    ['connection terminated', new Error('Connection terminated unexpectedly')],
    ['connection terminated', new Error('Connection terminated due to connection timeout')],
    ['connection terminated', new Error('Client has encountered a connection error and is not queryable')],
    ['connection terminated', new Error('timeout exceeded when trying to connect')],
  ])('names %s for a database that is away', (reason, error) => {
    expect(databaseUnavailableReason(error)).toBe(reason);
    expect(error instanceof DatabaseUnavailable).toBe(true);
  });

  it('finds it in the wrappers it arrives in: TypeORM, GraphQL, a host with several addresses', () => {
    const refused = socketError('ECONNREFUSED');
    const failed = new QueryFailedError('SELECT 1', [], postgresError('57P01', 'terminating connection'));
    expect(databaseUnavailableReason(failed)).toBe('57P01');
    // a GraphQL error located at a field wraps the filter's error, which wraps the driver's
    expect(databaseUnavailableReason({ originalError: { originalError: refused } })).toBe('ECONNREFUSED');
    const several = new AggregateError([refused, refused], '');
    expect(databaseUnavailableReason(several)).toBe('ECONNREFUSED');
  });

  it('leaves every other failure alone: a statement refused, a bug, another server refusing', () => {
    const others: unknown[] = [
      postgresError('23505', 'duplicate key value violates unique constraint "account_email_uq"'),
      postgresError('22P02', 'invalid input syntax for type uuid: "…"'),
      postgresError('40001', 'could not serialize access due to concurrent update'),
      new QueryFailedError('SELECT 1', [], postgresError('42P01', 'relation "x" does not exist')),
      new Error('Cannot read properties of undefined'),
      // fetch keeps the socket's error as its cause: another server, not the database
      new TypeError('fetch failed', { cause: socketError('ECONNREFUSED') }),
      'Connection terminated unexpectedly',
      null,
      undefined,
    ];
    for (const error of others) {
      expect(databaseUnavailableReason(error)).toBeNull();
      expect(error instanceof DatabaseUnavailable).toBe(false);
    }
  });
});

describe('RedactingDatabaseLogger and a database that is away', () => {
  it('leaves the report to whoever handles the failure (one warning there), and still logs a failed statement as an error', () => {
    const calls: Array<{ level: string; message: string }> = [];
    const record =
      (level: string) =>
      (_details: Record<string, unknown>, message: string): void =>
        void calls.push({ level, message });
    const logger: StructuredLogger = {
      error: record('error'),
      warn: record('warn'),
      info: record('info'),
      debug: record('debug'),
    };
    const database = new RedactingDatabaseLogger(logger);
    database.logQueryError(postgresError('57P01', 'terminating connection'), 'SELECT 1', []);
    database.logQueryError(new Error('Connection terminated unexpectedly'), 'SELECT 1', []);
    database.logQueryError(postgresError('23505', 'duplicate key'), 'INSERT …', [1]);
    expect(calls).toEqual([
      { level: 'debug', message: 'query failed: database unavailable' },
      { level: 'debug', message: 'query failed: database unavailable' },
      { level: 'error', message: 'query failed' },
    ]);
  });
});
