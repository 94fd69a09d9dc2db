import type { EntityManager } from 'typeorm';

/**
 * Splits rows into rounds in which no key repeats, keeping their order: the k-th row of each key goes into round
 * k. A multi-row upsert may not meet one key twice, and rows of one key must apply in their order.
 */
export function inRounds<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    const round = seen.get(k) ?? 0;
    seen.set(k, round + 1);
    (rounds[round] ??= []).push(row);
  }
  return rounds;
}

/**
 * Writes rows through one set-based statement per round: `sql` reads them as `jsonb_to_recordset($1::jsonb)`
 * (keys named as its columns). The rows of one key apply in their order, one round after another, so the
 * statement's own rules (its `ON CONFLICT … DO UPDATE`) decide exactly as one statement per row would; a single
 * row is one statement, as the live consumer writes it.
 */
export async function writeRows<T extends object>(
  manager: EntityManager,
  sql: string,
  rows: readonly T[],
  key: (row: T) => string,
): Promise<Array<Record<string, unknown>>> {
  const returned: Array<Record<string, unknown>> = [];
  for (const round of inRounds(rows, key)) {
    const result: unknown = await manager.query(sql, [JSON.stringify(round)]);
    if (
      Array.isArray(result) &&
      result.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))
    )
      returned.push(...(result as Array<Record<string, unknown>>));
  }
  return returned;
}

/**
 * Inserts rows of a table that keeps what first arrived (`ON CONFLICT (key) DO NOTHING`), in their order:
 * `columns` names each column with its SQL type, `key` the conflict target (the table's primary key).
 */
export async function insertFirstArrived<T extends Record<string, string | number | null>>(
  manager: EntityManager,
  table: string,
  columns: { [K in keyof T & string]: string },
  key: ReadonlyArray<keyof T & string>,
  rows: readonly T[],
): Promise<void> {
  const names = Object.keys(columns) as Array<keyof T & string>;
  await writeRows(
    manager,
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.map((name) => `r.${name}`).join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS r(${names.map((name) => `${name} ${columns[name]}`).join(', ')})
     ON CONFLICT (${key.join(', ')}) DO NOTHING`,
    rows,
    (row) => key.map((column) => String(row[column]).toLowerCase()).join('/'),
  );
}
