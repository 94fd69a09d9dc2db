import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AssignmentFieldsFragment, CompetitionFieldsFragment } from '../../gql/graphql';
import { renderPage } from '../../testing/render';
import { ScoreForm } from './score-entry-page';

const competition = {
  phase: 'JUDGING',
  judgingEndsAt: '2099-01-20T17:00:00.000Z',
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

  it('after judging ends shows the saved scores read-only and offers no save the server would refuse', async () => {
    const ended = { ...competition, judgingEndsAt: '2026-01-20T17:00:00.000Z' } as CompetitionFieldsFragment;
    const published = { ...competition, phase: 'RESULTS_PUBLISHED' } as CompetitionFieldsFragment;
    const { unmount } = renderPage(<ScoreForm entry={saved} competition={ended} />);
    expect(
      screen.getByText(/^Judging ended .*Your scores are shown as you saved them\.$/),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Rigour' })).toHaveValue('2');
    expect(screen.getByRole('textbox', { name: 'Rigour' })).toHaveAttribute('readonly');
    expect(screen.getByRole('textbox', { name: 'Comment for the applicants' })).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save scores' })).toBeNull();
    unmount();
    renderPage(<ScoreForm entry={saved} competition={published} />);
    expect(screen.getByText(/no longer being judged/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save scores' })).toBeNull();
  });

  it('while judging is open, offers the save', () => {
    renderPage(<ScoreForm entry={saved} competition={competition} />);
    expect(screen.getByRole('button', { name: 'Save scores' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Rigour' })).not.toHaveAttribute('readonly');
  });
});
