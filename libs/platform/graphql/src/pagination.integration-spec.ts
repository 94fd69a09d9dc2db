import { randomBytes, randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { dropDatabase, ensureDatabase } from '@praxis/platform/database';
import { encodeCursor, paginate, paginateEach, type Connection } from './pagination';

@Entity({ name: 'item' })
class ItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'text' })
  name!: string;
}

/** A child row of a parent, its time kept at millisecond precision (compared as it is, along an index). */
@Entity({ name: 'child' })
class ChildEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'parent_id' })
  parentId!: string;

  @Column({ type: 'timestamptz', name: 'created_at', precision: 3 })
  createdAt!: Date;
}

const server = process.env.PRAXIS_TEST_POSTGRES_URL ?? process.env.DATABASE_URL ?? '';

/** A fresh database holding the tables `ddl` creates; `close` drops it. */
async function freshDatabase(prefix: string, ddl: string) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: await ensureDatabase(server, name),
    entities: [ItemEntity, ChildEntity],
  });
  await dataSource.initialize();
  await dataSource.query(ddl);
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await dropDatabase(server, name);
    },
  };
}

describe('paginate (keyset pagination in PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  /** Newest first, as the database orders (created_at at millisecond precision, then id). */
  let expected: string[];

  beforeAll(async () => {
    ({ dataSource, close } = await freshDatabase(
      'pagination',
      'CREATE TABLE item (id uuid PRIMARY KEY, created_at timestamptz NOT NULL, name text NOT NULL)',
    ));
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
    await close?.();
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

describe("paginateEach (the same page of several parents' rows, from one query)", () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const parents = [randomUUID(), randomUUID(), randomUUID()];
  const lonely = randomUUID();

  beforeAll(async () => {
    ({ dataSource, close } = await freshDatabase(
      'pagination_each',
      `CREATE TABLE child (id uuid PRIMARY KEY, parent_id uuid NOT NULL, created_at timestamptz(3) NOT NULL);
       CREATE INDEX child_page_idx ON child (parent_id, created_at, id)`,
    ));
    // 9, 6 and 3 rows; several in one millisecond, so the id decides between them
    for (const [p, parent] of parents.entries()) {
      for (let i = 0; i < 9 - 3 * p; i += 1) {
        await dataSource.query('INSERT INTO child (id, parent_id, created_at) VALUES ($1, $2, $3)', [
          randomUUID(),
          parent,
          `2026-11-30T10:00:00.${String(Math.floor(i / 2)).padStart(3, '0')}Z`,
        ]);
      }
    }
  });

  afterAll(async () => {
    await close?.();
  });

  async function order(parent: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await dataSource.query(
      'SELECT id FROM child WHERE parent_id = $1 ORDER BY created_at DESC, id DESC',
      [parent],
    );
    return rows.map((row) => row.id);
  }

  it('gives each parent its own page, newest first, with its own total, and an empty one to a parent with none', async () => {
    const repository = dataSource.getRepository(ChildEntity);
    const pages = await paginateEach(repository, 'parentId', [...parents, lonely], { size: 4, after: null }, [
      'createdAt',
      'id',
    ]);
    for (const [p, parent] of parents.entries()) {
      const page = pages.get(parent) as Connection<ChildEntity>;
      expect(page.totalCount).toBe(9 - 3 * p);
      expect(page.edges.map((edge) => edge.node.id)).toEqual((await order(parent)).slice(0, 4));
      expect(page.pageInfo.hasNextPage).toBe(9 - 3 * p > 4);
    }
    expect(pages.get(lonely)).toEqual({
      edges: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('walks one parent to its end with the cursors it gives, and refuses a forged one naming after', async () => {
    const repository = dataSource.getRepository(ChildEntity);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const pages = await paginateEach(repository, 'parentId', [parents[0]], { size: 2, after }, [
        'createdAt',
        'id',
      ]);
      const page = pages.get(parents[0]) as Connection<ChildEntity>;
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(await order(parents[0]));
    const refusal = await paginateEach(
      repository,
      'parentId',
      [parents[0]],
      { size: 2, after: encodeCursor(['2026-11-30T10:00:00.000Z', 'x']) },
      ['createdAt', 'id'],
    ).catch((error: unknown) => error);
    expect((refusal as GraphQLError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'after', rule: 'cursor' }],
    });
  });

  it('reads each page along the index (parent, time, id) into its limit, a millisecond column compared as it is', async () => {
    await dataSource.query('ANALYZE child');
    const repository = dataSource.getRepository(ChildEntity);
    const pageQueries: Array<{ sql: string; parameters: unknown[] }> = [];
    const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
    dataSource.logger.logQuery = (sql, parameters, runner) => {
      if (/LIMIT/.test(sql)) pageQueries.push({ sql, parameters: parameters ?? [] });
      return logQuery(sql, parameters, runner);
    };
    const after = encodeCursor(['2026-11-30T10:00:00.003Z', randomUUID()]);
    try {
      await paginate(
        repository.createQueryBuilder('c').where('c.parent_id = :p', { p: parents[0] }),
        {
          size: 2,
          after,
        },
        ['createdAt', 'id'],
      );
      await paginateEach(repository, 'parentId', parents, { size: 2, after }, ['createdAt', 'id']);
    } finally {
      dataSource.logger.logQuery = logQuery;
    }
    expect(pageQueries).toHaveLength(2);
    // the table is tiny, so the planner is told what a large one would tell it
    await dataSource.query('SET enable_seqscan = off');
    try {
      for (const { sql, parameters } of pageQueries) {
        expect(sql).not.toContain('date_trunc');
        const plan: Array<{ 'QUERY PLAN': string }> = await dataSource.query(`EXPLAIN ${sql}`, parameters);
        const text = plan.map((row) => row['QUERY PLAN']).join('\n');
        // rows come in index order straight into the limit (no sort of the parent's rows), and the cursor is
        // an index condition: the scan starts where the previous page ended
        expect(text).toMatch(
          /Limit[^\n]*\n\s*->\s+Index (Only )?Scan Backward using child_page_idx[^\n]*\n\s*Index Cond: [^\n]*ROW\(created_at, id\) </,
        );
      }
    } finally {
      await dataSource.query('RESET enable_seqscan');
    }
  });
});
