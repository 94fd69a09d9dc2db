import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import CompetitionsPage from './competitions-page';
import { CompetitionsDocument } from './operations';
import { pagedAnswers } from '../../testing/answers';

const competition = (id: string, title: string) => ({
  __typename: 'Competition',
  id,
  title,
  phase: 'OPEN',
  closesAt: '2027-03-01T17:00:00.000Z',
});

const page = pagedAnswers(CompetitionsDocument, 'competitions', 'Competition');

describe('competitions page', () => {
  it('lists the competitions a page at a time: "Show more" adds the next page to the one shown', async () => {
    const user = userEvent.setup();
    renderPage(<CompetitionsPage />, [
      page(undefined, [competition('c1', 'Simulation in surgical training')], 'cursor-1'),
      page('cursor-1', [competition('c2', 'Handover safety')], null),
    ]);
    expect(
      await screen.findByRole('heading', { name: 'Simulation in surgical training' }),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
    // the deadline with its time of day, not the day alone
    const closes = new Date('2027-03-01T17:00:00.000Z');
    expect(
      screen.getByText(
        new RegExp(closes.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })),
      ),
    ).toHaveTextContent(/^Closes for proposals:/);
    await user.click(screen.getByRole('button', { name: 'Show more competitions' }));
    expect(await screen.findByRole('heading', { name: 'Handover safety' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Simulation in surgical training' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more competitions' })).not.toBeInTheDocument();
  });
});
