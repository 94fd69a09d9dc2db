import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import CompetitionReviewPage from './competition-review-page';
import {
  CompetitionAssignmentsDocument,
  CompetitionConflictsDocument,
  CompetitionReviewDocument,
} from './operations';

// rendered outside the app's routes, the page's :id is empty: every document asks with competitionId ''
const competitionId = '';

const connection = (typename: string, items: unknown[], totalCount: number, endCursor: string | null) => ({
  __typename: `${typename}Connection`,
  totalCount,
  pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
  edges: items.map((node) => ({ __typename: `${typename}Edge`, node })),
});

const review = {
  request: { query: CompetitionReviewDocument, variables: { competitionId } },
  result: {
    data: {
      competition: { __typename: 'Competition', id: 'c1', title: 'Seed grants', phase: 'JUDGING' },
      competitionJudges: {
        __typename: 'CompetitionJudgeConnection',
        edges: [
          {
            __typename: 'CompetitionJudgeEdge',
            node: {
              __typename: 'CompetitionJudge',
              judge: { __typename: 'Member', id: 'j1', displayName: 'Jo Judge' },
            },
          },
        ],
      },
      competitionEntries: {
        __typename: 'ProposalConnection',
        edges: [
          { __typename: 'ProposalEdge', node: { __typename: 'Proposal', id: 'p1', title: 'Sim training' } },
        ],
      },
    },
  },
};

const conflict = (id: string, reason: string) => ({
  __typename: 'ConflictOfInterest',
  id,
  proposalId: 'p1',
  judgeId: 'j1',
  kind: 'DECLARED_BY_JUDGE',
  reason,
  recordedAt: '2026-11-30T10:00:00.000Z',
  reviewStatus: null,
  reviewReason: null,
  reviewedAt: null,
});

const conflicts = (after: string | undefined, items: unknown[], endCursor: string | null) => ({
  request: {
    query: CompetitionConflictsDocument,
    variables: after ? { competitionId, after } : { competitionId },
  },
  result: {
    data: { competitionConflicts: connection('ConflictOfInterest', items, 2, endCursor) },
  },
});

const noAssignments = {
  request: { query: CompetitionAssignmentsDocument, variables: { competitionId } },
  result: { data: { competitionAssignments: connection('ReviewAssignment', [], 0, null) } },
};

describe('competition review page', () => {
  it('pages the conflicts past the first page, naming judge and entry, with how many are shown', async () => {
    const user = userEvent.setup();
    renderPage(<CompetitionReviewPage />, [
      review,
      conflicts(undefined, [conflict('k1', 'Co-author')], 'k-1'),
      conflicts('k-1', [conflict('k2', 'Same department')], null),
      noAssignments,
    ]);
    const section = await screen.findByRole('region', { name: 'Conflicts of interest' });
    expect(await within(section).findByText(/Co-author/)).toBeInTheDocument();
    expect(section).toHaveTextContent('Jo Judge');
    expect(section).toHaveTextContent('Sim training');
    expect(section).toHaveTextContent('1 of 2 shown');
    await user.click(within(section).getByRole('button', { name: 'Show more conflicts' }));
    expect(await within(section).findByText(/Same department/)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Show more conflicts' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Assignments' })).toHaveTextContent('No assignments yet');
  });
});
