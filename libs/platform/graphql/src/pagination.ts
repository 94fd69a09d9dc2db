import { Injectable, type PipeTransform, type Type } from '@nestjs/common';
import { Args, Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import type { EntityMetadata, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from './errors';
import { isUuid } from './ids';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Every subgraph pages the same way, so the one PageInfo type is shared across the supergraph. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay-style connection type for a node type (code first needs a concrete class per node); one per node type. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionClass as Type<Connection<T>>;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput([
      { field: 'first', rule: 'range', message: `must be between 1 and ${MAX_PAGE_SIZE}` },
    ]);
  }
  return size;
}

/** Cursors are opaque to clients: base64url of the sort key of the last row. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** `arity` null accepts a key of any length (a list with no rows has nothing to compare the cursor with). */
export function decodeCursor(
  cursor: string | null | undefined,
  arity: number | null,
): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length > 0 &&
      (arity === null || key.length === arity) &&
      key.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput([{ field: 'after', rule: 'cursor', message: 'is not a cursor returned by this query' }]);
}

/** Builds a connection from `size + 1` fetched rows (the extra row only tells whether there is a next page). */
export function toConnection<T>(
  rows: T[],
  size: number,
  totalCount: number,
  keyOf: (row: T) => (string | number)[],
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}

/** The page a client asked for: `first` already checked against the maximum, `after` still opaque. */
export interface PageRequest {
  size: number;
  after: string | null;
}

@Injectable()
class PageSizePipe implements PipeTransform<unknown, number> {
  constructor(private readonly defaultSize: number) {}

  transform(value: unknown): number {
    return pageSize(
      typeof value === 'number' ? value : value === null || value === undefined ? this.defaultSize : NaN,
    );
  }
}

/** `first: Int` of a connection: the page size, checked (1 to MAX_PAGE_SIZE) before the resolver runs. */
export function FirstArg(defaultSize = DEFAULT_PAGE_SIZE): ParameterDecorator {
  return Args(
    'first',
    {
      type: () => Int,
      nullable: true,
      description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${defaultSize})`,
    },
    new PageSizePipe(defaultSize),
  );
}

/** `after: String` of a connection: the `endCursor` of the previous page. */
export function AfterArg(): ParameterDecorator {
  return Args('after', {
    type: () => String,
    nullable: true,
    description: 'The endCursor of the previous page',
  });
}

export type SortDirection = 'ASC' | 'DESC';

type CursorPart = string | number;

function compareParts(a: readonly CursorPart[], b: readonly CursorPart[]): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] === b[i]) continue;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

function cursorPart(value: unknown): CursorPart {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`a sort key must be a date, string or number, not ${typeof value}`);
}

/**
 * A page of rows held in memory (a list computed from several tables or filtered after loading): sorted by
 * `keyOf`, newest (largest key) first unless told otherwise, and cut after the cursor. Prefer `paginate`
 * wherever the database can page the query itself.
 */
export function pageOfRows<T>(
  rows: readonly T[],
  page: PageRequest,
  keyOf: (row: T) => readonly unknown[],
  direction: SortDirection = 'DESC',
): Connection<T> {
  const sign = direction === 'DESC' ? -1 : 1;
  const keyed = rows.map((node) => ({ node, key: keyOf(node).map(cursorPart) }));
  keyed.sort((a, b) => sign * compareParts(a.key, b.key));
  const cursor = decodeCursor(page.after, keyed.length > 0 ? keyed[0].key.length : null);
  const rest = cursor ? keyed.filter((entry) => sign * compareParts(entry.key, cursor) > 0) : keyed;
  const connection = toConnection(rest.slice(0, page.size + 1), page.size, rows.length, (entry) => entry.key);
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.node })),
  };
}

/** How a sort key's column is compared and how its cursor value is checked before it reaches SQL. */
type KeyKind = 'timestamp' | 'uuid' | 'integer' | 'text';

function kindOf(columnType: unknown): KeyKind {
  const type =
    typeof columnType === 'string' ? columnType : typeof columnType === 'function' ? columnType.name : '';
  if (/^timestamp|^date$|^Date$/.test(type)) return 'timestamp';
  if (type === 'uuid') return 'uuid';
  if (/^(int|integer|smallint|bigint|Number)$/.test(type)) return 'integer';
  return 'text';
}

const SQL_TYPE: Record<KeyKind, string> = {
  timestamp: 'timestamptz',
  uuid: 'uuid',
  integer: 'bigint',
  text: 'text',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function validCursorPart(kind: KeyKind, value: CursorPart): boolean {
  switch (kind) {
    case 'timestamp':
      return typeof value === 'string' && ISO_INSTANT.test(value) && Number.isFinite(Date.parse(value));
    case 'uuid':
      return isUuid(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000');
  }
}

function forgedCursor(): Error {
  return badUserInput([
    { field: 'after', rule: 'cursor', message: 'is not a cursor returned by this query' },
  ]);
}

let parameterCount = 0;

interface KeyColumn {
  key: string;
  kind: KeyKind;
  /** What the order and the cursor compare: the column, or its value at millisecond precision. */
  expression: string;
}

/**
 * The sort key's columns under `alias`. A timestamp compares at millisecond precision, as JavaScript carries it
 * in the cursor: a column declared with `precision` 3 or less already holds no more, so it is compared as it is
 * (and an index on it serves the order); a finer one is truncated (which no index can hold).
 */
function keyColumns(metadata: EntityMetadata, alias: string, keys: readonly string[]): KeyColumn[] {
  return keys.map((key) => {
    const column = metadata.findColumnWithPropertyPath(key);
    if (!column) throw new Error(`${metadata.name} has no column ${key}`);
    const kind = kindOf(column.type);
    const path = `${alias}.${column.databaseName}`;
    const millisecondsAtMost = typeof column.precision === 'number' && column.precision <= 3;
    const truncate = kind === 'timestamp' && !millisecondsAtMost;
    return { key, kind, expression: truncate ? `date_trunc('milliseconds', ${path})` : path };
  });
}

/** The rows after `after` in the order of `columns`, as SQL with named parameters; null on the first page. */
function afterCursor(
  columns: readonly KeyColumn[],
  after: string | null,
  direction: SortDirection,
): { sql: string; parameters: Record<string, CursorPart> } | null {
  const cursor = decodeCursor(after, columns.length);
  if (!cursor) return null;
  if (!cursor.every((part, i) => validCursorPart(columns[i].kind, part))) throw forgedCursor();
  parameterCount = (parameterCount + 1) % 1_000_000;
  const names = columns.map((_, i) => `after_${parameterCount}_${i}`);
  const left = columns.map((column) => column.expression).join(', ');
  const right = columns.map((column, i) => `CAST(:${names[i]} AS ${SQL_TYPE[column.kind]})`).join(', ');
  return {
    sql: `(${left}) ${direction === 'DESC' ? '<' : '>'} (${right})`,
    parameters: Object.fromEntries(names.map((name, i) => [name, cursor[i]])),
  };
}

/**
 * The one way a list query becomes a Relay connection: keyset pagination over `keys` (properties of the main
 * entity; the last one must make the order unique, normally the id), newest first by default. Timestamps
 * compare at millisecond precision, as JavaScript carries them in the cursor. A forged or foreign cursor is
 * BAD_USER_INPUT naming `after`. The query must yield one row per entity (no to-many joins); filters and
 * authorisation are the caller's `where`.
 */
export async function paginate<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  page: PageRequest,
  keys: readonly (keyof E & string)[],
  direction: SortDirection = 'DESC',
): Promise<Connection<E>> {
  const metadata = query.expressionMap.mainAlias?.metadata;
  if (!metadata) throw new Error('paginate needs a query over an entity');
  const columns = keyColumns(metadata, query.alias, keys);
  const totalCount = await query.clone().getCount();
  const condition = afterCursor(columns, page.after, direction);
  if (condition) query.andWhere(condition.sql, condition.parameters);
  query.orderBy();
  for (const column of columns) query.addOrderBy(column.expression, direction);
  const rows = await query.limit(page.size + 1).getMany();
  return toConnection(rows, page.size, totalCount, (row) => keys.map((key) => cursorPart(row[key])));
}

/**
 * The same page of each parent's children (the invitations of every proposal on a page), from one query
 * whatever the number of parents: for each parent id, PostgreSQL reads its `size + 1` rows after the cursor in
 * the order of `keys` (a lateral subquery, so an index on (parent, ...keys) serves each), and one more query
 * counts them. Cursors, errors and order are those of `paginate`; every parent asked for gets a connection,
 * empty when it has no rows. Keys must be timestamps, uuids or integers (the page is put back in order here).
 */
export async function paginateEach<E extends ObjectLiteral>(
  repository: Repository<E>,
  parent: keyof E & string,
  parentIds: readonly string[],
  page: PageRequest,
  keys: readonly (keyof E & string)[],
  direction: SortDirection = 'DESC',
): Promise<Map<string, Connection<E>>> {
  const metadata = repository.metadata;
  const parentColumn = metadata.findColumnWithPropertyPath(parent);
  if (!parentColumn) throw new Error(`${metadata.name} has no column ${parent}`);
  const parentKind = kindOf(parentColumn.type);
  if (parentIds.some((id) => !validCursorPart(parentKind, id))) {
    throw new Error(`paginateEach: a parent id is not a ${parentKind}`);
  }
  const columns = keyColumns(metadata, 'c', keys);
  if (columns.some((column) => column.kind === 'text')) {
    throw new Error('paginateEach orders text keys only in SQL; use timestamps, uuids or integers');
  }
  const result = new Map<string, Connection<E>>();
  const condition = afterCursor(columns, page.after, direction);
  if (parentIds.length === 0) return result;
  const table = metadata.tablePath;
  const primary = metadata.primaryColumns.map((column) => column.databaseName);
  const parentsType = `${SQL_TYPE[parentKind]}[]`;
  const order = columns.map((column) => `${column.expression} ${direction}`).join(', ');
  const chosen = `
    SELECT ${primary.map((name) => `chosen.${name}`).join(', ')}
      FROM unnest(CAST(:parents AS ${parentsType})) AS parent(id)
      CROSS JOIN LATERAL (
        SELECT ${primary.map((name) => `c.${name}`).join(', ')} FROM ${table} c
         WHERE c.${parentColumn.databaseName} = parent.id${condition ? ` AND ${condition.sql}` : ''}
         ORDER BY ${order} LIMIT ${page.size + 1}
      ) chosen`;
  const parents = [...new Set(parentIds)];
  const alias = 't';
  const [rows, counts] = await Promise.all([
    repository
      .createQueryBuilder(alias)
      .where(`(${primary.map((name) => `${alias}.${name}`).join(', ')}) IN (${chosen})`, {
        parents,
        ...(condition?.parameters ?? {}),
      })
      .getMany(),
    repository
      .createQueryBuilder(alias)
      .select(`${alias}.${parentColumn.databaseName}`, 'parent')
      .addSelect('CAST(count(*) AS int)', 'count')
      .where(`${alias}.${parentColumn.databaseName} = ANY(CAST(:parents AS ${parentsType}))`, { parents })
      .groupBy(`${alias}.${parentColumn.databaseName}`)
      .getRawMany<{ parent: string; count: number }>(),
  ]);
  const sign = direction === 'DESC' ? -1 : 1;
  const keyOf = (row: E) => keys.map((key) => cursorPart(row[key]));
  const totals = new Map(counts.map((count) => [String(count.parent), Number(count.count)]));
  const byParent = new Map<string, E[]>();
  for (const row of rows) {
    const id = String(row[parent]);
    const own = byParent.get(id);
    if (own) own.push(row);
    else byParent.set(id, [row]);
  }
  for (const id of parents) {
    const own = (byParent.get(id) ?? []).sort((a, b) => sign * compareParts(keyOf(a), keyOf(b)));
    result.set(id, toConnection(own, page.size, totals.get(id) ?? 0, keyOf));
  }
  return result;
}

/** The same page with each node mapped (entity → GraphQL object), cursors and counts unchanged. */
export async function mapNodes<T, U>(
  page: Connection<T>,
  map: (node: T) => U | Promise<U>,
): Promise<Connection<U>> {
  return {
    ...page,
    edges: await Promise.all(
      page.edges.map(async (edge) => ({ cursor: edge.cursor, node: await map(edge.node) })),
    ),
  };
}
