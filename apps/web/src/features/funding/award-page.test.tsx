import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import AwardPage from './award-page';
import { AwardDocument } from './operations';
import { connectionPage } from '../../testing/answers';

const money = (amountMinor: number) => ({ __typename: 'Money', amountMinor, currency: 'GBP' });

const spend = (id: string, description: string) => ({
  __typename: 'SpendEntry',
  id,
  budgetLine: 'CONSUMABLES',
  kind: 'PAYMENT',
  amount: money(1000),
  date: '2026-11-20',
  description,
  reference: null,
  reversesEntryId: null,
});

const award = (entries: unknown[], endCursor: string | null, protectedTime: unknown[] = []) => ({
  __typename: 'Award',
  id: 'a1',
  title: 'Simulation pilot',
  status: 'ACTIVE',
  amount: money(500000),
  startsOn: '2026-10-01',
  endsOn: '2027-09-30',
  availableActions: [],
  principalInvestigator: { __typename: 'Member', id: 'm1', displayName: 'Ada Obi' },
  requested: null,
  cappedReason: null,
  requestedHours: null,
  team: [],
  supervisor: null,
  transitions: [],
  budget: {
    __typename: 'Budget',
    lines: [],
    remaining: money(490000),
    burn: { __typename: 'BurnRate', status: 'ON_TRACK', elapsedShare: 0.2, spentShare: 0.02 },
  },
  spendEntries: connectionPage('SpendEntry', entries, endCursor),
  protectedTime,
});

const answer = (after: string | null, entries: unknown[], endCursor: string | null) => ({
  request: { query: AwardDocument, variables: after ? { id: 'a1', after } : { id: 'a1' } },
  result: { data: { award: award(entries, endCursor) } },
});

describe('award page', () => {
  it("shows more of an award's spending past the first page", async () => {
    const user = userEvent.setup();
    renderPage(
      <Routes>
        <Route path="/funding/awards/:id" element={<AwardPage />} />
      </Routes>,
      [answer(null, [spend('s2', 'Manikin hire')], 's-2'), answer('s-2', [spend('s1', 'Printing')], null)],
      undefined,
      '/funding/awards/a1',
    );
    const spending = within(await screen.findByRole('region', { name: 'Spending' }));
    expect(spending.getByText('Manikin hire')).toBeInTheDocument();
    await user.click(spending.getByRole('button', { name: 'Show more spending' }));
    expect(await spending.findByText('Printing')).toBeInTheDocument();
    expect(spending.getByText('Manikin hire')).toBeInTheDocument();
    expect(spending.queryByRole('button', { name: 'Show more spending' })).toBeNull();
  });

  it('shows the member why their protected time was rejected', async () => {
    const rejected = {
      __typename: 'ProtectedTimeAllocation',
      id: 'p1',
      weeklyHours: 8,
      from: '2026-10-01',
      to: '2027-09-30',
      status: 'REJECTED',
      decisionReason: 'The rota cannot release Fridays this year',
      member: { __typename: 'Member', id: 'm1', displayName: 'Ada Obi' },
    };
    renderPage(
      <Routes>
        <Route path="/funding/awards/:id" element={<AwardPage />} />
      </Routes>,
      [
        {
          request: { query: AwardDocument, variables: { id: 'a1' } },
          result: { data: { award: award([], null, [rejected]) } },
        },
      ],
      undefined,
      '/funding/awards/a1',
    );
    const time = within(await screen.findByRole('region', { name: 'Protected time' }));
    const row = within(time.getByRole('row', { name: /Ada Obi/ }));
    expect(row.getByText('Rejected')).toBeInTheDocument();
    expect(row.getByText('Reason: The rota cannot release Fridays this year')).toBeInTheDocument();
  });
});
