import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import CompetitionReviewPage from './competition-review-page';
import {
  AssignJudgeDocument,
  CompetitionAssignmentsDocument,
  CompetitionConflictsDocument,
  CompetitionEntrySearchDocument,
  CompetitionJudgeSearchDocument,
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

/** A judge of the pool; `refusals` (rule, conflict kinds) as the server checks them against the chosen entry. */
const judge = (id: string, displayName: string, refusals?: Array<[string, string[]]>) => ({
  __typename: 'CompetitionJudge',
  judge: { __typename: 'Member', id, displayName },
  handAssignment: refusals
    ? {
        __typename: 'HandAssignmentCheck',
        allowed: refusals.length === 0,
        refusals: refusals.map(([rule, conflictKinds]) => ({
          __typename: 'HandAssignmentRefusal',
          rule,
          conflictKinds,
        })),
      }
    : null,
});
const entry = (id: string, title: string) => ({ __typename: 'Proposal', id, title });
const edges = (typename: string, items: unknown[]) => ({
  __typename: `${typename}Connection`,
  edges: items.map((node) => ({ __typename: `${typename}Edge`, node })),
});

/** The judges of the pool the server finds for `nameContains` (null: the newest), checked against `proposalId`. */
const judges = (nameContains: string | null, items: unknown[], proposalId: string | null = null) => ({
  request: {
    query: CompetitionJudgeSearchDocument,
    variables: { competitionId, nameContains, proposalId },
  },
  result: { data: { competitionJudges: edges('CompetitionJudge', items) } },
});
/** The submitted entries the server finds for `titleContains` (null: the newest). */
const entries = (titleContains: string | null, items: unknown[]) => ({
  request: { query: CompetitionEntrySearchDocument, variables: { competitionId, titleContains } },
  result: { data: { competitionEntries: edges('Proposal', items) } },
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

/** The page with no conflicts and no assignments yet, and the first submitted entry to choose. */
const emptyReview = [
  review,
  conflicts(undefined, [], null),
  noAssignments,
  entries(null, [entry('p1', 'Sim training')]),
];

describe('competition review page', () => {
  it('pages the conflicts past the first page, naming judge and entry, with how many are shown', async () => {
    const user = userEvent.setup();
    renderPage(<CompetitionReviewPage />, [
      review,
      conflicts(undefined, [conflict('k1', 'Co-author')], 'k-1'),
      conflicts('k-1', [conflict('k2', 'Same department')], null),
      noAssignments,
      entries(null, [entry('p1', 'Sim training')]),
      judges(null, [judge('j1', 'Jo Judge')]),
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

  it('finds a judge and an entry on no first page by searching the server, and assigns them by hand', async () => {
    const user = userEvent.setup();
    renderPage(<CompetitionReviewPage />, [
      ...emptyReview,
      entries('Feedback', [entry('p2', 'Feedback literacy')]),
      judges(null, [judge('j1', 'Jo Judge')]),
      judges(null, [judge('j1', 'Jo Judge', [])], 'p2'),
      judges('Kim', [judge('j2', 'Kim Judge', [])], 'p2'),
      {
        request: { query: AssignJudgeDocument, variables: { proposalId: 'p2', judgeId: 'j2' } },
        result: {
          data: {
            assignJudge: { __typename: 'ReviewAssignment', proposalId: 'p2', judgeId: 'j2' },
          },
        },
      },
      // the assignments asked again after the mutation: the one made by hand
      {
        request: { query: CompetitionAssignmentsDocument, variables: { competitionId } },
        result: {
          data: {
            competitionAssignments: connection(
              'ReviewAssignment',
              [
                {
                  __typename: 'ReviewAssignment',
                  proposalId: 'p2',
                  judgeId: 'j2',
                  judge: { __typename: 'Member', id: 'j2', displayName: 'Kim Judge' },
                  proposal: { __typename: 'Proposal', id: 'p2', title: 'Feedback literacy' },
                  origin: 'MANUAL',
                  reviewStarted: false,
                  assignedAt: '2026-12-01T09:00:00.000Z',
                },
              ],
              1,
              null,
            ),
          },
        },
      },
    ]);
    const section = await screen.findByRole('region', { name: 'Assignments' });
    const entryBox = within(section).getByRole('combobox', { name: 'Entry' });
    await user.type(entryBox, 'Feedback');
    await user.click(await screen.findByRole('option', { name: 'Feedback literacy' }));
    const judgeBox = within(section).getByRole('combobox', { name: 'Judge' });
    await user.click(judgeBox);
    expect(await screen.findByRole('option', { name: 'Jo Judge' })).toBeInTheDocument();
    await user.type(judgeBox, 'Kim');
    await user.click(await screen.findByRole('option', { name: 'Kim Judge' }));
    await user.click(within(section).getByRole('button', { name: 'Assign' }));
    // the mock answers only the assignment of the judge and entry found, then the page shows it
    const table = await within(section).findByRole('table');
    expect(within(table).getByText('Kim Judge')).toBeInTheDocument();
    expect(within(table).getByText('Feedback literacy')).toBeInTheDocument();
    // every column has a name, the buttons' one too (axe: empty-table-header)
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Entry', 'Judge', 'Status', 'Action']);
  });

  it('lists the judges the server would refuse for the chosen entry, disabled, with the reason, and offers the rest', async () => {
    const user = userEvent.setup();
    renderPage(<CompetitionReviewPage />, [
      ...emptyReview,
      judges(null, [judge('j1', 'Jo Judge'), judge('j2', 'Kim Judge'), judge('j3', 'Lee Judge')]),
      judges(
        null,
        [
          judge('j1', 'Jo Judge', []),
          judge('j2', 'Kim Judge', [['CONFLICT_OF_INTEREST', ['DECLARED_BY_JUDGE', 'JUDGE_ON_TEAM']]]),
          judge('j3', 'Lee Judge', [['ALREADY_ASSIGNED', []]]),
        ],
        'p1',
      ),
    ]);
    const section = await screen.findByRole('region', { name: 'Assignments' });
    await user.click(within(section).getByRole('combobox', { name: 'Entry' }));
    await user.click(await screen.findByRole('option', { name: 'Sim training' }));
    await user.click(within(section).getByRole('combobox', { name: 'Judge' }));
    const conflicted = await screen.findByRole('option', {
      name: 'Kim Judge (cannot review it: conflict of interest: declared by the judge, judge on the team)',
    });
    expect(conflicted).toHaveAttribute('aria-disabled', 'true');
    expect(
      screen.getByRole('option', { name: 'Lee Judge (cannot review it: already assigned to it)' }),
    ).toHaveAttribute('aria-disabled', 'true');
    const free = screen.getByRole('option', { name: 'Jo Judge' });
    expect(free).not.toHaveAttribute('aria-disabled');
    // a refused judge cannot be chosen: nothing to assign
    await user.click(conflicted);
    expect(within(section).getByRole('button', { name: 'Assign' })).toBeDisabled();
    await user.click(free);
    expect(within(section).getByRole('button', { name: 'Assign' })).toBeEnabled();
  });
});
