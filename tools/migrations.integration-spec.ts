import { createServiceDataSource, pendingSchemaChanges } from '@praxis/platform/database';
import { createTestDatabase } from '@praxis/platform/testing';
import { SERVICE_DATABASES } from './service-databases';

describe('committed migrations', () => {
  it.each(Object.keys(SERVICE_DATABASES))(
    '%s: migrations build exactly the schema its entities describe (else: npm run migration:generate)',
    async (service) => {
      const definition = SERVICE_DATABASES[service];
      const db = await createTestDatabase(`mig_${service}`);
      const dataSource = createServiceDataSource({
        url: db.url,
        entities: definition.entities as never,
        migrations: definition.migrations as never,
      });
      try {
        await dataSource.initialize();
        const applied = await dataSource.runMigrations();
        expect(applied.length).toBe(definition.migrations.length);
        expect(await pendingSchemaChanges(dataSource)).toEqual([]);
        // and every migration can be undone
        for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration();
        const tables: Array<{ count: number }> = await dataSource.query(
          `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
        );
        expect(tables[0].count).toBe(0);
      } finally {
        await dataSource.destroy();
        await db.drop();
      }
    },
  );
});
