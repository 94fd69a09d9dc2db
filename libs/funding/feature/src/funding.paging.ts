import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, toConnection, type Connection } from '@praxis/platform/graphql';

/**
 * Newest first, keyset-paginated on (time column, id) of `alias`: stable under concurrent inserts, one index range
 * per page however deep the client pages.
 */
export async function newestFirst<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  order: { alias: string; column: string; at: (row: T) => Date },
  size: number,
  after: string | null | undefined,
): Promise<Connection<T>> {
  const cursor = decodeCursor(after, 2);
  const totalCount = await query.clone().getCount();
  const { alias, column } = order;
  if (cursor) {
    query.andWhere(`(${alias}.${column}, ${alias}.id) < (:cursorAt, :cursorId)`, {
      cursorAt: String(cursor[0]),
      cursorId: String(cursor[1]),
    });
  }
  const rows = await query
    .orderBy(`${alias}.${column}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(size + 1)
    .getMany();
  return toConnection(rows, size, totalCount, (row) => [order.at(row).toISOString(), row.id]);
}
