import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { pagedAnswers, foundMember, memberSearch } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import MatchingPage from './matching-page';
import {
  EditMatchProposalDocument,
  MatchRunDocument,
  MatchRunsDocument,
  RunMatchingDocument,
} from './operations';

const person = (id: string, displayName: string) => ({ __typename: 'Member', id, displayName });

const run = (mentor: { id: string; displayName: string }, edited: boolean) => ({
  __typename: 'MatchRun',
  id: 'run-1',
  status: 'PROPOSED',
  totalScore: 12,
  createdAt: '2026-12-01T10:00:00.000Z',
  approvedAt: null,
  proposals: [
    {
      __typename: 'MatchProposal',
      id: 'pair-1',
      score: 12,
      edited,
      relationshipId: null,
      mentee: person('m1', 'Ada Obi'),
      mentor: person(mentor.id, mentor.displayName),
      reasons: [],
    },
  ],
  unmatched: [],
});

const listed = (id: string, status: 'PROPOSED' | 'APPROVED', createdAt: string, pairs: number) => ({
  __typename: 'MatchRun',
  id,
  status,
  totalScore: pairs * 10,
  createdAt,
  approvedAt: null,
  proposals: Array.from({ length: pairs }, (_, index) => ({
    __typename: 'MatchProposal',
    id: `${id}-p${index}`,
  })),
  unmatched: [],
});

const runs = pagedAnswers(MatchRunsDocument, 'matchRuns', 'MatchRun');

/** Types a search into the picker named `label` and picks the button named `pick`. */
async function pick(user: ReturnType<typeof userEvent.setup>, label: string, term: string, pickName: string) {
  await user.type(screen.getByRole('searchbox', { name: label }), term);
  await user.click(await screen.findByRole('button', { name: pickName }));
}

describe('formal matching page', () => {
  it('finds mentees and mentors by name, lists them removable, and runs with the people chosen', async () => {
    const user = userEvent.setup();
    const ran = vi.fn(() => ({ data: { runMatching: run(foundMember('m3', 'Chris Lee'), false) } }));
    renderPage(<MatchingPage />, [
      runs(undefined, [], null),
      memberSearch('Obi', null, [foundMember('m1', 'Ada Obi'), foundMember('m2', 'Ben Obi')]),
      memberSearch('Lee', 'MENTOR', [foundMember('m3', 'Chris Lee')]),
      {
        request: {
          query: RunMatchingDocument,
          variables: { input: { menteeIds: ['m2'], mentorIds: ['m3'], minScore: 0 } },
        },
        result: ran,
      },
    ]);
    // nobody chosen: the form says so at the first list's search
    await user.click(screen.getByRole('button', { name: 'Run matching' }));
    const menteeSearch = screen.getByRole('searchbox', { name: 'Add a mentee' });
    await waitFor(() => expect(menteeSearch).toHaveFocus());
    expect(menteeSearch).toHaveAttribute('aria-invalid', 'true');
    expect(menteeSearch).toHaveAccessibleDescription(expect.stringContaining('Pick at least one'));

    await pick(user, 'Add a mentee', 'Obi', 'Add Ada Obi as a mentee');
    await pick(user, 'Add a mentee', 'Obi', 'Add Ben Obi as a mentee');
    const mentees = screen.getByRole('list', { name: 'Mentees to match' });
    expect(within(mentees).getAllByRole('listitem')).toHaveLength(2);
    expect(mentees).toHaveTextContent('Ada Obi (Resident)');
    expect(mentees).toHaveTextContent('Ben Obi (Resident)');
    await user.click(screen.getByRole('button', { name: 'Remove Ada Obi (Resident)' }));
    expect(within(mentees).getAllByRole('listitem')).toHaveLength(1);

    await pick(user, 'Add a mentor', 'Lee', 'Add Chris Lee as a mentor');
    expect(screen.getByRole('list', { name: 'Mentors to match from' })).toHaveTextContent('Chris Lee');

    await user.click(screen.getByRole('button', { name: 'Run matching' }));
    await waitFor(() => expect(ran).toHaveBeenCalled());
  });

  it("changes a pair's mentor by searching among mentors, from the keyboard", async () => {
    const user = userEvent.setup();
    const edited = vi.fn(() => ({ data: { editMatchProposal: run(foundMember('m4', 'Dee Kaur'), true) } }));
    renderPage(
      <Routes>
        <Route path="/admin/matching/:id" element={<MatchingPage />} />
      </Routes>,
      [
        {
          request: { query: MatchRunDocument, variables: { id: 'run-1' } },
          result: { data: { matchRun: run(foundMember('m3', 'Chris Lee'), false) } },
        },
        memberSearch('Kaur', 'MENTOR', [foundMember('m4', 'Dee Kaur')]),
        {
          request: {
            query: EditMatchProposalDocument,
            variables: { runId: 'run-1', menteeId: 'm1', mentorId: 'm4' },
          },
          result: edited,
        },
      ],
      undefined,
      '/admin/matching/run-1',
    );
    await user.click(await screen.findByRole('button', { name: 'Change the mentor for Ada Obi' }));
    const field = screen.getByRole('searchbox', { name: 'Another mentor for Ada Obi' });
    expect(field).toHaveFocus();
    await user.keyboard('Kaur');
    await user.click(await screen.findByRole('button', { name: 'Make Dee Kaur the mentor' }));
    await waitFor(() => expect(edited).toHaveBeenCalled());
    expect(await screen.findByText('Dee Kaur')).toBeInTheDocument();
    // the search closes once the change is saved, and the focus goes back to the button that opened it
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Change the mentor for Ada Obi' })).toHaveFocus(),
    );
  });

  it('lists the runs so far, newest first, each a link to its review, 20 at a time', async () => {
    const user = userEvent.setup();
    renderPage(<MatchingPage />, [
      runs(undefined, [listed('run-2', 'PROPOSED', '2026-12-02T09:30:00.000Z', 3)], 'c-1'),
      runs('c-1', [listed('run-1', 'APPROVED', '2026-11-20T14:00:00.000Z', 1)], null),
    ]);
    const section = await screen.findByRole('region', { name: 'Runs so far' });
    const newest = await within(section).findByRole('link', { name: /^Run of / });
    expect(newest).toHaveAttribute('href', '/admin/matching/run-2');
    expect(section).toHaveTextContent('Proposed: review and approve');
    expect(section).toHaveTextContent('3 pairs, 0 not matched, total score 30');
    expect(within(section).getByText('1 of 2 shown')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Show more runs' }));
    await waitFor(() => expect(within(section).getAllByRole('link', { name: /^Run of / })).toHaveLength(2));
    const links = within(section).getAllByRole('link', { name: /^Run of / });
    expect(links[1]).toHaveAttribute('href', '/admin/matching/run-1');
    expect(section).toHaveTextContent('Approved: relationships started');
    expect(section).toHaveTextContent('1 pair, 0 not matched, total score 10');
  });
});
