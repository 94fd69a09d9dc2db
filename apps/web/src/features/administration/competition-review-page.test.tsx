import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import CompetitionReviewPage from './competition-review-page';
import { CompetitionJudgesDocument } from '../admin/operations';
import {
  CompetitionAssignmentsDocument,
  CompetitionConflictsDocument,
  CompetitionEntryChoicesDocument,
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
    data: { competition: { __typename: 'Competition', id: 'c1', title: 'Seed grants', phase: 'JUDGING' } },
  },
};

const judge = (id: string, displayName: string) => ({
  __typename: 'CompetitionJudge',
  judge: { __typename: 'Member', id, displayName },
  addedAt: '2026-11-30T09:00:00.000Z',
});
const entry = (id: string, title: string) => ({ __typename: 'Proposal', id, title });

const judges = (after: string | undefined, items: unknown[], endCursor: string | null) => ({
  request: {
    query: CompetitionJudgesDocument,
    variables: after ? { competitionId, after } : { competitionId },
  },
  result: { data: { competitionJudges: connection('CompetitionJudge', items, 2, endCursor) } },
});
const entries = (after: string | undefined, items: unknown[], endCursor: string | null) => ({
  request: {
    query: CompetitionEntryChoicesDocument,
    variables: after ? { competitionId, after } : { competitionId },
  },
  result: { data: { competitionEntries: connection('Proposal', items, 2, endCursor) } },
});

const conflict = (id: string, reason: string) => ({
  __typename: 'ConflictOfInterest',
  id,
  proposalId: 'p1',
  judgeId: 'j1',
  judge: { __typename: 'Member', id: 'j1', displayName: 'Jo Judge' },
  proposal: { __typename: 'Proposal', id: 'p1', title: 'Sim training' },
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
      entries(undefined, [entry('p1', 'Sim training')], null),
      judges(undefined, [judge('j1', 'Jo Judge')], null),
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

  it('offers judges and entries past the first page for a manual assignment', async () => {
    const user = userEvent.setup();
    renderPage(<CompetitionReviewPage />, [
      review,
      conflicts(undefined, [], null),
      noAssignments,
      entries(undefined, [entry('p1', 'Sim training')], 'e-1'),
      entries('e-1', [entry('p2', 'Feedback literacy')], null),
      judges(undefined, [judge('j1', 'Jo Judge')], 'j-1'),
      judges('j-1', [judge('j2', 'Kim Judge')], null),
    ]);
    const section = await screen.findByRole('region', { name: 'Assignments' });
    await user.click(await within(section).findByRole('button', { name: 'Show more judges' }));
    await user.click(within(section).getByRole('button', { name: 'Show more entries' }));
    await waitFor(() =>
      expect(within(section).queryByRole('button', { name: /Show more (judges|entries)/ })).toBeNull(),
    );
    await user.click(within(section).getByRole('combobox', { name: 'Judge' }));
    expect(await screen.findByRole('option', { name: 'Kim Judge' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Jo Judge' })).toBeInTheDocument();
    await user.click(within(section).getByRole('combobox', { name: 'Entry' }));
    expect(await screen.findByRole('option', { name: 'Feedback literacy' })).toBeInTheDocument();
  });
});
