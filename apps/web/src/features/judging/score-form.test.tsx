import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AssignmentFieldsFragment, CompetitionFieldsFragment } from '../../gql/graphql';
import { renderPage } from '../../testing/render';
import { ScoreForm } from './score-entry-page';

const competition = {
  judgingEndsAt: '2027-01-20T17:00:00.000Z',
  criteria: [
    { id: 'k1', name: 'Rigour', guidance: '', weight: 1, scaleMin: 1, scaleMax: 5 },
    { id: 'k2', name: 'Impact', guidance: '', weight: 1, scaleMin: 1, scaleMax: 5 },
  ],
} as CompetitionFieldsFragment;

const entry = (review: AssignmentFieldsFragment['review']) =>
  ({ proposalId: 'p1', review }) as AssignmentFieldsFragment;

const saved = entry({
  scores: [
    { criterionId: 'k1', value: 2 },
    { criterionId: 'k2', value: 4 },
  ],
  comment: 'Clear aims.',
  updatedAt: '2026-12-02T08:00:00.000Z',
});

/** The page's two answers in turn (cache-and-network): the copy cached before the judge saved, then the server's. */
function Answers() {
  const [fresh, setFresh] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setFresh(true)}>
        answer
      </button>
      <ScoreForm entry={fresh ? saved : entry(null)} competition={competition} />
    </>
  );
}

describe('scoring form', () => {
  it('fills the fields with the saved scores when they arrive after a page drawn from an older copy', async () => {
    const user = userEvent.setup();
    renderPage(<Answers />);
    expect(screen.getByRole('textbox', { name: 'Rigour' })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'answer' }));
    expect(screen.getByRole('textbox', { name: 'Rigour' })).toHaveValue('2');
    expect(screen.getByRole('textbox', { name: 'Impact' })).toHaveValue('4');
    expect(screen.getByRole('textbox', { name: 'Comment for the applicants' })).toHaveValue('Clear aims.');
    expect(screen.getByText(/Last saved/)).toBeInTheDocument();
  });
});
