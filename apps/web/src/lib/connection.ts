import { graphql } from '../gql';

/**
 * What a page of any connection says about the next one, spread as `pageInfo { ...PageFields }` by every document
 * that shows more (`appendPage`), so the selection is written once.
 */
export const PageFieldsFragment = graphql(`
  fragment PageFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** The nodes of a Relay connection page (lists that can grow are connections: at most 100 a page). */
export function nodes<T>(connection: { edges: ReadonlyArray<{ node: T }> }): T[] {
  return connection.edges.map((edge) => edge.node);
}
