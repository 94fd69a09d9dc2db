import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MemberSearchDocument } from '../../lib/member-picker';
import { renderPage } from '../../testing/render';
import { ConfirmSupervisionDocument, SupervisionProposalsDocument } from './operations';
import SupervisionPage from './supervision-page';
import { pagedAnswers } from '../../testing/answers';

const member = (id: string, displayName: string) => ({ __typename: 'Member', id, displayName });

const proposal = (id: string, mentee: string, title: string) => ({
  __typename: 'SupervisionProposal',
  id,
  competitionId: 'c1',
  proposalTitle: title,
  score: 7,
  status: 'PROPOSED',
  relationshipId: null,
  mentee: member(`m-${id}`, mentee),
  mentor: member('t1', 'Tom Tutor'),
  reasons: [],
});

const page = pagedAnswers(SupervisionProposalsDocument, 'supervisionProposals', 'SupervisionProposal');

describe('supervision page', () => {
  it('shows more proposals past the first page, and confirms another mentor found by name', async () => {
    const user = userEvent.setup();
    const confirmed = {
      request: { query: ConfirmSupervisionDocument, variables: { id: 's2', mentorId: 'm9' } },
      result: {
        data: {
          confirmSupervision: {
            __typename: 'SupervisionProposal',
            id: 's2',
            status: 'CONFIRMED',
            relationshipId: 'r1',
            mentor: member('m9', 'Mo Mentor'),
          },
        },
      },
    };
    renderPage(<SupervisionPage />, [
      page(undefined, [proposal('s1', 'Ada Obi', 'Sim training')], 's-1'),
      page('s-1', [proposal('s2', 'Ben Kay', 'Ward rounds')], null),
      {
        request: {
          query: MemberSearchDocument,
          variables: { nameContains: 'Mo', role: 'MENTOR', institutionId: null },
        },
        result: {
          data: {
            members: {
              __typename: 'MemberConnection',
              edges: [
                {
                  __typename: 'MemberEdge',
                  node: {
                    ...member('m9', 'Mo Mentor'),
                    careerStage: 'CONSULTANT',
                    institution: { __typename: 'Institution', name: 'St Elsewhere' },
                  },
                },
              ],
            },
          },
        },
      },
      confirmed,
    ]);
    await screen.findByRole('article', { name: 'Ada Obi for “Sim training”' });
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more supervision proposals' }));
    const ben = await screen.findByRole('article', { name: 'Ben Kay for “Ward rounds”' });

    await user.type(within(ben).getByRole('searchbox', { name: 'Or find another mentor by name' }), 'Mo');
    await user.click(await within(ben).findByRole('button', { name: 'Choose Mo Mentor' }));
    expect(within(ben).getByText('Another mentor: Mo Mentor')).toBeInTheDocument();
    await user.click(within(ben).getByRole('button', { name: 'Confirm' }));
    // in place: the card stays where it was, below the first page
    await waitFor(() => expect(within(ben).getByText('Confirmed')).toBeInTheDocument());
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });
});
