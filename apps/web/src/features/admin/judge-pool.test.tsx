import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { foundMember, memberSearch, connectionPage } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import { JudgePool } from './admin-competition-page';
import { AddJudgeDocument, CompetitionJudgesDocument } from './operations';

const judge = (id: string, displayName: string, addedAt: string) => ({
  __typename: 'CompetitionJudge',
  judge: { __typename: 'Member', id, displayName },
  addedAt,
});

const pool = (after: string | undefined, judges: unknown[], endCursor: string | null) => ({
  request: {
    query: CompetitionJudgesDocument,
    variables: after ? { competitionId: 'c1', after } : { competitionId: 'c1' },
  },
  result: {
    data: {
      competitionJudges: connectionPage('CompetitionJudge', judges, endCursor, 3),
    },
  },
});

describe('competition judge pool', () => {
  it('shows a judge added at the head of the pool without reloading it, the pages already shown kept', async () => {
    const user = userEvent.setup();
    renderPage(<JudgePool competitionId="c1" />, [
      pool(undefined, [judge('j1', 'Dr Ada Obi', '2026-11-03T09:00:00.000Z')], 'c-1'),
      pool('c-1', [judge('j2', 'Dr Ben Cole', '2026-11-02T09:00:00.000Z')], 'c-2'),
      memberSearch('Eve', 'JUDGE', [foundMember('j9', 'Dr Eve Fox')]),
      {
        request: { query: AddJudgeDocument, variables: { competitionId: 'c1', memberId: 'j9' } },
        result: { data: { addJudge: judge('j9', 'Dr Eve Fox', '2026-12-02T04:00:00.000Z') } },
      },
      // no second answer for the first page: reloading the pool would fail the test
    ]);
    const section = screen.getByRole('region', { name: 'Judge pool' });
    expect(await within(section).findByText('Dr Ada Obi')).toBeInTheDocument();
    const list = within(section).getByRole('list', { name: 'Judge pool' });
    await user.click(screen.getByRole('button', { name: 'Show more judges' }));
    expect(await within(list).findByText('Dr Ben Cole')).toBeInTheDocument();
    expect(screen.getByText('2 of 3 shown')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Find a judge by name' }), 'Eve');
    await user.click(await screen.findByRole('button', { name: 'Add Dr Eve Fox' }));
    expect(await within(list).findByText('Dr Eve Fox')).toBeInTheDocument();
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Dr Eve Fox', 'Dr Ada Obi', 'Dr Ben Cole']);
    // counted, and the next page is still where it was
    expect(screen.getByText('3 of 4 shown')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show more judges' })).toBeInTheDocument();
  });

  it('shows a judge once when the one added was already in the pool on a page not shown yet', async () => {
    const user = userEvent.setup();
    const later = judge('j3', 'Dr Cal Dunn', '2026-11-01T09:00:00.000Z');
    renderPage(<JudgePool competitionId="c1" />, [
      pool(undefined, [judge('j1', 'Dr Ada Obi', '2026-11-03T09:00:00.000Z')], 'c-1'),
      pool('c-1', [judge('j2', 'Dr Ben Cole', '2026-11-02T09:00:00.000Z'), later], null),
      memberSearch('Cal', 'JUDGE', [foundMember('j3', 'Dr Cal Dunn')]),
      {
        // adding a judge already in the pool changes nothing: the answer is their entry as it was
        request: { query: AddJudgeDocument, variables: { competitionId: 'c1', memberId: 'j3' } },
        result: { data: { addJudge: later } },
      },
    ]);
    const section = screen.getByRole('region', { name: 'Judge pool' });
    expect(await within(section).findByText('Dr Ada Obi')).toBeInTheDocument();
    const list = within(section).getByRole('list', { name: 'Judge pool' });
    await user.type(screen.getByRole('searchbox', { name: 'Find a judge by name' }), 'Cal');
    await user.click(await screen.findByRole('button', { name: 'Add Dr Cal Dunn' }));
    expect(await within(list).findByText('Dr Cal Dunn')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show more judges' }));
    expect(await within(list).findByText('Dr Ben Cole')).toBeInTheDocument();
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Dr Cal Dunn', 'Dr Ada Obi', 'Dr Ben Cole']);
    expect(screen.queryByRole('button', { name: 'Show more judges' })).not.toBeInTheDocument();
    // the count is the server's again: the pool has three judges
    expect(screen.queryByText(/of 4 shown/)).not.toBeInTheDocument();
  });
});
