/** The nodes of a Relay connection page (lists that can grow are connections: at most 100 a page). */
export function nodes<T>(connection: { edges: ReadonlyArray<{ node: T }> }): T[] {
  return connection.edges.map((edge) => edge.node);
}
