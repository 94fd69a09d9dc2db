import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CompetitionFieldsFragment, ProposalFieldsFragment } from '../../gql/graphql';
import { renderPage } from '../../testing/render';
import { ProposalTimeline } from './proposal-timeline';

const competition = {
  phase: 'OPEN',
  closesAt: '2026-12-20T17:00:00.000Z',
  judgingEndsAt: '2027-01-20T17:00:00.000Z',
  resultsPublishedAt: null,
} as CompetitionFieldsFragment;

const proposal = (submittedVersion: number) =>
  ({
    status: 'WITHDRAWN',
    submittedVersion,
    firstSubmittedAt: submittedVersion > 0 ? '2026-12-02T07:39:00.000Z' : null,
    updatedAt: '2026-12-02T07:40:00.000Z',
  }) as ProposalFieldsFragment;

/** The timeline's step titles, in order. */
const steps = (container: HTMLElement) =>
  [...container.querySelectorAll('.mantine-Timeline-itemTitle')].map((title) => title.textContent);

describe('proposal timeline', () => {
  it('keeps the submission of a proposal withdrawn after it was submitted', () => {
    const { container } = renderPage(<ProposalTimeline proposal={proposal(2)} competition={competition} />);
    expect(screen.getByText(/Version 2/)).toBeInTheDocument();
    expect(steps(container)).toEqual(['Draft started', 'Submitted', 'Withdrawn']);
  });

  it('shows no submission for a draft withdrawn before it was ever submitted', () => {
    const { container } = renderPage(<ProposalTimeline proposal={proposal(0)} competition={competition} />);
    expect(steps(container)).toEqual(['Draft started', 'Withdrawn']);
  });
});
