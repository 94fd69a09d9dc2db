import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { badUserInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Every subgraph's connections share this one type: shareable, so the supergraph composes it once. */
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

/** Relay-style connection type for a node type (code first needs a concrete class per node). */
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

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
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
