import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../lib/format';
import { renderPage } from '../../testing/render';
import { PhaseControls } from './admin-competition-page';
import { StartJudgingDocument } from './operations';

const closesAt = '2026-12-09T17:00:00.000Z';
const refused = (rule: string, message: string) => ({
  request: { query: StartJudgingDocument, variables: { id: 'c1' } },
  result: {
    errors: [{ message, extensions: { code: 'FAILED_PRECONDITION', rule, from: 'OPEN', to: 'JUDGING' } }],
  },
});
const competition = { id: 'c1', phase: 'OPEN' as const, nextPhases: ['JUDGING' as const], closesAt };

describe('phase controls', () => {
  it('says when the call closes and where to move the close, when judging is started too early', async () => {
    const user = userEvent.setup();
    renderPage(<PhaseControls competition={competition} />, [
      refused('BEFORE_CLOSES_AT', `Cannot start judging before submissions close at closesAt (${closesAt}).`),
    ]);
    await user.click(screen.getByRole('button', { name: 'Start judging' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Proposals close at ${formatDateTime(closesAt)}`);
    expect(alert).toHaveTextContent('move the close under Dates');
    expect(alert).not.toHaveTextContent('closesAt');
  });

  it('shows any other refusal in the server’s words', async () => {
    const user = userEvent.setup();
    renderPage(<PhaseControls competition={competition} />, [
      refused('NO_JUDGES', 'Add judges before judging starts.'),
    ]);
    await user.click(screen.getByRole('button', { name: 'Start judging' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Add judges before judging starts.');
  });
});
