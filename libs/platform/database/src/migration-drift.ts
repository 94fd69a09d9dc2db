import type { DataSource } from 'typeorm';

/**
 * The SQL TypeORM would run to bring the migrated schema in line with the entities. Empty means entities and
 * committed migrations agree; anything else is drift (a missing migration, or an entity out of date).
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map((query) => query.query);
}
