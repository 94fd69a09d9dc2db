import { GraphQLError } from 'graphql';
import { encodeCursor, pageOfRows, pageSize, type Connection } from './pagination';

describe('pageOfRows (a list held in memory)', () => {
  const rows = Array.from({ length: 9 }, (_, i) => ({
    id: `id-${i}`,
    at: new Date(Date.UTC(2026, 0, 1 + (i % 3))),
  }));

  it('walks every row once, newest first, ties broken by the last key', () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Connection<(typeof rows)[number]> = pageOfRows(rows, { size: 4, after }, (row) => [
        row.at,
        row.id,
      ]);
      expect(page.totalCount).toBe(9);
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['id-8', 'id-5', 'id-2', 'id-7', 'id-4', 'id-1', 'id-6', 'id-3', 'id-0']);
  });

  it('refuses a cursor of another shape as BAD_USER_INPUT, even for an empty list', () => {
    expect(() =>
      pageOfRows(rows, { size: 4, after: encodeCursor(['x']) }, (row) => [row.at, row.id]),
    ).toThrow(GraphQLError);
    expect(() => pageOfRows([], { size: 4, after: 'nonsense' }, () => [])).toThrow(GraphQLError);
  });

  it('refuses a page size outside 1 to 100 naming first', () => {
    expect(() => pageSize(101)).toThrow(/first: must be between 1 and 100/);
    expect(() => pageSize(0)).toThrow(GraphQLError);
    expect(pageSize(null)).toBe(20);
  });
});
