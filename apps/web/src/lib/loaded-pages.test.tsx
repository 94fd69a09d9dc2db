import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CompetitionRankingDocument } from '../features/admin/operations';
import FundsPage from '../features/funding/funds-page';
import { CreateFundDocument, FundsDocument } from '../features/funding/operations';
import { MyProfileDocument } from '../features/profile/operations';
import { competitionSearch, connectionPage } from '../testing/answers';
import { renderPage } from '../testing/render';
import { pagedPathOf } from './loaded-pages';

const money = (amountMinor: number) => ({ __typename: 'Money', amountMinor, currency: 'GBP' });
const fund = (id: string) => ({
  __typename: 'Fund',
  id,
  name: `Fund ${id}`,
  source: 'Royal College',
  currency: 'GBP',
  competitionId: null,
  balance: {
    __typename: 'FundBalance',
    total: money(100000),
    committed: money(0),
    paid: money(0),
    available: money(100000),
  },
});
const funds = (after: string | null, ids: string[], endCursor: string | null) => ({
  request: { query: FundsDocument, variables: after ? { after } : {} },
  result: { data: { funds: connectionPage('Fund', ids.map(fund), endCursor) } },
});

describe('a paged list fetched again after a change', () => {
  it('keeps every page the member showed, with the change, instead of falling back to the first page', async () => {
    const user = userEvent.setup();
    renderPage(<FundsPage />, [
      funds(null, ['f1', 'f2'], 'c2'),
      funds('c2', ['f3'], null),
      competitionSearch(null, []),
      {
        request: {
          query: CreateFundDocument,
          variables: {
            input: {
              name: 'Fund new',
              source: 'Royal College',
              total: { amountMinor: 100000, currency: 'GBP' },
              competitionId: null,
            },
          },
        },
        result: { data: { createFund: { __typename: 'Fund', id: 'new' } } },
      },
      // the refetch: the first page now starts with the new fund, and the next page is asked for again
      funds(null, ['new', 'f1'], 'c1'),
      funds('c1', ['f2', 'f3'], null),
    ]);
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Fund f1', 'Fund f2']);
    await user.click(screen.getByRole('button', { name: 'Show older funds' }));
    await within(table).findByText('Fund f3');

    await user.type(screen.getByRole('textbox', { name: /name/i }), 'Fund new');
    await user.type(screen.getByRole('textbox', { name: /source/i }), 'Royal College');
    await user.type(screen.getByRole('textbox', { name: /total/i }), '1000');
    await user.click(screen.getByRole('button', { name: 'Create fund' }));

    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('rowheader')
          .map((cell) => cell.textContent),
      ).toEqual(['Fund new', 'Fund f1', 'Fund f2', 'Fund f3']),
    );
    expect(screen.queryByRole('button', { name: 'Show older funds' })).not.toBeInTheDocument();
  });
});

describe('the connection a document pages', () => {
  it('is the field that takes `after: $after`, nested or not', () => {
    expect(pagedPathOf(FundsDocument)).toEqual(['funds']);
    expect(pagedPathOf(CompetitionRankingDocument)).toEqual(['competitionRanking', 'entries']);
  });

  it('is none for a document that pages nothing', () => {
    expect(pagedPathOf(MyProfileDocument)).toBeUndefined();
  });
});
