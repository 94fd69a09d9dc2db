import { useQuery } from '@apollo/client/react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CompetitionRankingDocument } from '../features/admin/operations';
import { renderPage } from '../testing/render';
import { nodes } from './connection';
import { appendAt, putNewest, ShowMore } from './show-more';

const entry = (rank: number) => ({
  __typename: 'RankingEntry',
  rank,
  proposalId: `p-${rank}`,
  title: `Entry ${rank}`,
  normalisedScore: 80 - rank,
  meanRawScore: 7,
  reviewCount: 3,
  isWinner: false,
});

const ranking = (ranks: number[], endCursor: string | null) => ({
  competitionRanking: {
    __typename: 'CompetitionRanking',
    published: false,
    entries: {
      __typename: 'RankingEntryConnection',
      edges: ranks.map((rank) => ({ __typename: 'RankingEntryEdge', node: entry(rank) })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
    },
  },
});

const answer = (after: string | undefined, ranks: number[], endCursor: string | null) => ({
  request: { query: CompetitionRankingDocument, variables: after ? { id: 'c1', after } : { id: 'c1' } },
  result: { data: ranking(ranks, endCursor) },
});

/** A list shown the way pages show one: its nodes, then ShowMore at a nested connection. */
function Ranking() {
  const query = useQuery(CompetitionRankingDocument, { variables: { id: 'c1' } });
  if (!query.data) return null;
  return (
    <div>
      <ul aria-label="Ranking">
        {nodes(query.data.competitionRanking.entries).map((item) => (
          <li key={item.proposalId}>{item.title}</li>
        ))}
      </ul>
      <ShowMore query={query} path={['competitionRanking', 'entries']} label="Show more entries" />
    </div>
  );
}

describe('ShowMore', () => {
  it('appends the next page of a nested connection, announces how many were added and keeps the focus', async () => {
    const user = userEvent.setup();
    renderPage(<Ranking />, [
      answer(undefined, [1, 2], 'c-2'),
      answer('c-2', [3, 4], 'c-4'),
      answer('c-4', [5], null),
    ]);
    const button = await screen.findByRole('button', { name: 'Show more entries' });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);

    await user.click(button);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(4));
    expect(screen.getByRole('status')).toHaveTextContent('2 more shown.');
    expect(screen.getByRole('button', { name: 'Show more entries' })).toHaveFocus();

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(5));
    expect(screen.getByRole('status')).toHaveTextContent('1 more shown.');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Entry 1',
      'Entry 2',
      'Entry 3',
      'Entry 4',
      'Entry 5',
    ]);
    // the last page: the button goes, and the focus stays at the list's end instead of falling to the body
    expect(screen.queryByRole('button', { name: 'Show more entries' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('status').parentElement).toHaveFocus());
  });

  it('shows a failed page in words and leaves the button to try again', async () => {
    const user = userEvent.setup();
    renderPage(<Ranking />, [
      answer(undefined, [1], 'c-1'),
      {
        request: { query: CompetitionRankingDocument, variables: { id: 'c1', after: 'c-1' } },
        result: { errors: [{ message: 'You may not see this ranking.', extensions: { code: 'FORBIDDEN' } }] },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Show more entries' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You may not see this ranking.');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Show more entries' })).toBeInTheDocument();
  });

  it('marks itself busy while the page loads without disabling the button', async () => {
    const user = userEvent.setup();
    renderPage(<Ranking />, [answer(undefined, [1], 'c-1'), { ...answer('c-1', [2], null), delay: 200 }]);
    await user.click(await screen.findByRole('button', { name: 'Show more entries' }));
    const busy = screen.getByRole('button', { name: 'Loading…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    expect(busy).not.toBeDisabled();
    expect(await screen.findByText('Entry 2')).toBeInTheDocument();
  });
});

describe('appendAt', () => {
  it('appends edges at the path and takes the rest from the newest page', () => {
    const merged = appendAt<ReturnType<typeof ranking>>(['competitionRanking', 'entries'])(
      ranking([1], 'a'),
      {
        fetchMoreResult: {
          ...ranking([2], null),
          competitionRanking: { ...ranking([2], null).competitionRanking, published: true },
        },
      },
    );
    expect(nodes(merged.competitionRanking.entries).map((item) => item.rank)).toEqual([1, 2]);
    expect(merged.competitionRanking.entries.pageInfo.hasNextPage).toBe(false);
    expect(merged.competitionRanking.published).toBe(true);
  });

  it('leaves out of the next page a record already shown, by id or by the identity given', () => {
    type Data = { list: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } } };
    const data = (ids: string[]): Data => ({
      list: { edges: ids.map((id) => ({ node: { id } })), pageInfo: { hasNextPage: false } },
    });
    const ids = (merged: Data) => merged.list.edges.map((edge) => edge.node.id);
    expect(
      ids(appendAt<Data>(['list'])(data(['c', 'a']), { fetchMoreResult: data(['b', 'c', 'd']) })),
    ).toEqual(['c', 'a', 'b', 'd']);
    // nothing tells them apart: all kept
    expect(
      ids(appendAt<Data>(['list'], () => undefined)(data(['c']), { fetchMoreResult: data(['c']) })),
    ).toEqual(['c', 'c']);
  });

  it('puts a new record at the head of a connection, counts it, and leaves one done again in its place', () => {
    type Item = { id: string; at: string };
    type Data = {
      pool: { edges: Array<{ node: Item }>; pageInfo: { hasNextPage: boolean }; totalCount: number };
    };
    const data: Data = {
      pool: {
        edges: [{ node: { id: 'a', at: '2' } }, { node: { id: 'b', at: '1' } }],
        pageInfo: { hasNextPage: true },
        totalCount: 5,
      },
    };
    const put = (node: Item) =>
      putNewest<Data, Item>(
        ['pool'],
        { node },
        (item) => item.id,
        (item) => item.at,
      )(data);
    const ids = (result: Data | null) => result?.pool.edges.map((edge) => `${edge.node.id}${edge.node.at}`);
    expect(ids(put({ id: 'c', at: '3' }))).toEqual(['c3', 'a2', 'b1']);
    expect(put({ id: 'c', at: '3' })?.pool.totalCount).toBe(6);
    // the same record, its place unchanged: where it was, not counted again
    expect(ids(put({ id: 'b', at: '1' }))).toEqual(['a2', 'b1']);
    expect(put({ id: 'b', at: '1' })?.pool.totalCount).toBe(5);
    // the same record made newer (asked again): moved to the head, not counted again
    expect(ids(put({ id: 'b', at: '3' }))).toEqual(['b3', 'a2']);
    expect(put({ id: 'b', at: '3' })?.pool.totalCount).toBe(5);
    expect(put({ id: 'b', at: '3' })?.pool.pageInfo).toEqual({ hasNextPage: true });
    expect(
      putNewest<Data, Item>(
        ['pool'],
        { node: { id: 'c', at: '3' } },
        (i) => i.id,
        (i) => i.at,
      )(null),
    ).toBeNull();
  });
});
