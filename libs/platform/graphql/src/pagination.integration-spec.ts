import { randomBytes, randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { dropDatabase, ensureDatabase } from '@praxis/platform/database';
import { encodeCursor, paginate, type Connection } from './pagination';

@Entity({ name: 'item' })
class ItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'text' })
  name!: string;
}

describe('paginate (keyset pagination in PostgreSQL)', () => {
  const server = process.env.PRAXIS_TEST_POSTGRES_URL ?? process.env.DATABASE_URL ?? '';
  const name = `pagination_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;
  /** Newest first, as the database orders (created_at at millisecond precision, then id). */
  let expected: string[];

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'postgres',
      url: await ensureDatabase(server, name),
      entities: [ItemEntity],
    });
    await dataSource.initialize();
    await dataSource.query(
      'CREATE TABLE item (id uuid PRIMARY KEY, created_at timestamptz NOT NULL, name text NOT NULL)',
    );
    // microseconds that JavaScript cannot carry, and several rows in one millisecond: the cursor must still
    // neither repeat nor skip a row
    const rows = Array.from({ length: 25 }, (_, i) => ({
      id: randomUUID(),
      at: `2026-11-30T10:00:00.${String(Math.floor(i / 4)).padStart(3, '0')}${String(i * 37).padStart(3, '0')}Z`,
      name: i % 2 === 0 ? 'even' : 'odd',
    }));
    for (const row of rows) {
      await dataSource.query('INSERT INTO item (id, created_at, name) VALUES ($1, $2, $3)', [
        row.id,
        row.at,
        row.name,
      ]);
    }
    expected = (
      (await dataSource.query(
        `SELECT id FROM item ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC`,
      )) as Array<{ id: string }>
    ).map((row) => row.id);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(server, name);
  });

  const query = () => dataSource.getRepository(ItemEntity).createQueryBuilder('i');

  async function everyPage(size: number, filter?: string): Promise<Connection<ItemEntity>[]> {
    const pages: Connection<ItemEntity>[] = [];
    let after: string | null = null;
    do {
      const q = query();
      if (filter) q.where('i.name = :name', { name: filter });
      const page: Connection<ItemEntity> = await paginate(q, { size, after }, ['createdAt', 'id']);
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return pages;
  }

  it('walks every row once, newest first, with the total on every page', async () => {
    const pages = await everyPage(7);
    expect(pages.map((page) => page.edges.length)).toEqual([7, 7, 7, 4]);
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(expected);
    expect(pages.every((page) => page.totalCount === 25)).toBe(true);
  });

  it("keeps the caller's filter on every page", async () => {
    const pages = await everyPage(5, 'odd');
    const ids = pages.flatMap((page) => page.edges.map((edge) => edge.node));
    expect(ids).toHaveLength(12);
    expect(ids.every((item) => item.name === 'odd')).toBe(true);
    expect(pages[0].totalCount).toBe(12);
  });

  it('pages oldest first when asked', async () => {
    const page = await paginate(query(), { size: 30, after: null }, ['createdAt', 'id'], 'ASC');
    expect(page.edges.map((edge) => edge.node.id)).toEqual([...expected].reverse());
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['not base64 JSON', 'nonsense'],
    ['the wrong arity', encodeCursor(['2026-11-30T10:00:00.000Z'])],
    ['a date that is not one', encodeCursor(['yesterday', randomUUID()])],
    ['an id that is not a UUID', encodeCursor(['2026-11-30T10:00:00.000Z', "x' OR 1=1 --"])],
  ])('refuses a forged cursor (%s) as BAD_USER_INPUT naming after', async (_what, after) => {
    const refusal = await paginate(query(), { size: 5, after }, ['createdAt', 'id']).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect((refusal as GraphQLError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'after', rule: 'cursor' }],
    });
  });
});
