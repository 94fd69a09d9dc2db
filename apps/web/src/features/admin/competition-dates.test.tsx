import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { badUserInput } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import { CompetitionDates } from './competition-dates';
import { UpdateCompetitionDatesDocument } from './operations';

// seconds on the server's dates: a date left alone goes back exactly as it came, not rounded to the minute
const dates = {
  opensAt: '2026-12-01T09:00:30.000Z',
  closesAt: '2026-12-20T17:00:30.000Z',
  judgingEndsAt: '2027-01-20T17:00:30.000Z',
};
const closeNow = '2026-12-02T08:15';

describe('competition dates', () => {
  it('closes an open call early: sends the new close and the other dates exactly as they were', async () => {
    const user = userEvent.setup();
    let sent = false;
    const input = { ...dates, closesAt: new Date(closeNow).toISOString() };
    const saved = {
      request: { query: UpdateCompetitionDatesDocument, variables: { id: 'c1', input } },
      result: () => {
        sent = true;
        return {
          data: {
            updateCompetitionDates: {
              __typename: 'Competition',
              id: 'c1',
              ...input,
              nextPhases: ['JUDGING', 'CANCELLED'],
            },
          },
        };
      },
    };
    renderPage(<CompetitionDates competition={{ id: 'c1', phase: 'OPEN', ...dates }} />, [saved]);
    fireEvent.change(screen.getByLabelText('Closes for proposals'), { target: { value: closeNow } });
    await user.click(screen.getByRole('button', { name: 'Save the dates' }));
    await waitFor(() => expect(sent).toBe(true));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('while judging, moves only its end, and shows the server’s refusal at that field in words', async () => {
    const user = userEvent.setup();
    const judgingEndsAt = new Date('2026-11-01T12:00').toISOString();
    const refused = {
      request: {
        query: UpdateCompetitionDatesDocument,
        variables: { id: 'c1', input: { ...dates, judgingEndsAt } },
      },
      result: badUserInput({
        field: 'input.judgingEndsAt',
        rule: 'NOT_BEFORE_CLOSES_AT',
        message: `judgingEndsAt (${judgingEndsAt}) must not be earlier than closesAt (${dates.closesAt}).`,
      }),
    };
    renderPage(<CompetitionDates competition={{ id: 'c1', phase: 'JUDGING', ...dates }} />, [refused]);
    expect(screen.getByLabelText('Opens')).toBeDisabled();
    expect(screen.getByLabelText('Closes for proposals')).toBeDisabled();
    const end = screen.getByLabelText('Judging ends');
    fireEvent.change(end, { target: { value: '2026-11-01T12:00' } });
    await user.click(screen.getByRole('button', { name: 'Save the dates' }));
    // the rule in the page's words, not the API's field names and instants
    await waitFor(() =>
      expect(end).toHaveAccessibleDescription('Must not be earlier than the close of submissions'),
    );
    expect(end).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers nothing once the results are published', () => {
    renderPage(<CompetitionDates competition={{ id: 'c1', phase: 'RESULTS_PUBLISHED', ...dates }} />);
    expect(screen.queryByRole('button', { name: 'Save the dates' })).toBeNull();
  });
});
