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

type Page = { edges: ReadonlyArray<unknown> };

/**
 * For `fetchMore`'s `updateQuery`: the next page of the connection at `field` appended to the pages shown (its
 * pageInfo and totalCount from the newest page).
 */
export function appendPage<K extends string>(field: K) {
  return <T extends { [key in K]: Page }>(previous: T, { fetchMoreResult }: { fetchMoreResult: T }): T => ({
    ...fetchMoreResult,
    [field]: {
      ...fetchMoreResult[field],
      edges: [...previous[field].edges, ...fetchMoreResult[field].edges],
    },
  });
}
