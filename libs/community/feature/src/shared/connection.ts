import { Int } from '@nestjs/graphql';
import type { Connection } from '@praxis/platform/graphql';

export function mapConnection<A, B>(connection: Connection<A>, map: (node: A) => B): Connection<B> {
  return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: map(edge.node) })) };
}

/** The two paging arguments every connection takes. */
export const FIRST = { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20)' };
export const AFTER = { type: () => String, nullable: true, description: 'endCursor of the previous page' };
