import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

const NONE: ReadonlySet<string> = new Set();

/**
 * The columns of `target` for a hand-written SELECT, each aliased `<prefix><column>`: `m.id AS m_id, ...`.
 * With `hydrate`, a query that reads an entity beside other things (the caller's roles and session in one
 * round trip) needs neither a second query nor a copy of the entity's column list.
 */
export function entityColumns(
  dataSource: DataSource,
  target: EntityTarget<ObjectLiteral>,
  tableAlias: string,
  prefix = `${tableAlias}_`,
  omit: ReadonlySet<string> = NONE,
): string {
  return dataSource
    .getMetadata(target)
    .columns.filter((column) => !omit.has(column.databaseName))
    .map((column) => `${tableAlias}.${column.databaseName} AS ${prefix}${column.databaseName}`)
    .join(', ');
}

/**
 * An entity from a raw row whose columns `entityColumns` named, converted as TypeORM converts its own reads; the
 * columns `omit` left out (as given to `entityColumns`) stay unset.
 */
export function hydrate<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix: string,
  omit: ReadonlySet<string> = NONE,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (omit.has(column.databaseName)) continue;
    column.setEntityValue(
      entity,
      dataSource.driver.prepareHydratedValue(row[`${prefix}${column.databaseName}`], column),
    );
  }
  return entity;
}
