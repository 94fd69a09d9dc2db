import type { DataSource } from 'typeorm';

/** A statement as TypeORM sent it: its SQL and its parameters, ready to EXPLAIN. */
export interface SentStatement {
  sql: string;
  parameters: unknown[];
}

/**
 * Runs `work` and returns the statements it sent through `dataSource` whose SQL `matches`: the SQL a service
 * really sends (a page's SELECT, its count), to be planned with `planOf`.
 */
export async function statementsOf<T>(
  dataSource: DataSource,
  matches: (sql: string) => boolean,
  work: () => Promise<T>,
): Promise<{ result: T; statements: SentStatement[] }> {
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  const statements: SentStatement[] = [];
  logger.logQuery = (sql, parameters, runner) => {
    if (matches(sql)) statements.push({ sql, parameters: parameters ?? [] });
    return original(sql, parameters, runner);
  };
  try {
    return { result: await work(), statements };
  } finally {
    logger.logQuery = original;
  }
}

/**
 * The plan PostgreSQL chooses for a statement, as text, with sequential scans switched off: on a test-sized
 * table the planner rightly prefers one, so this tells it what a large table would; what it proves is that an
 * index exists that serves the statement (without one the plan stays a scan, or sorts). ANALYZE the table first.
 */
export async function planOf(dataSource: DataSource, statement: SentStatement): Promise<string> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL enable_seqscan = off');
    const lines: Array<{ 'QUERY PLAN': string }> = await manager.query(
      `EXPLAIN ${statement.sql}`,
      statement.parameters,
    );
    return lines.map((line) => line['QUERY PLAN']).join('\n');
  });
}
