import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MemberSearchDocument } from '../../lib/member-picker';
import { renderPage } from '../../testing/render';
import { NewGroupForm } from './new-group-form';
import { CreateMastermindGroupDocument, MyMastermindGroupsDocument } from './operations';

const me = {
  id: 'm0',
  displayName: 'Fay Facilitator',
  roles: [{ role: 'MEMBER' as const, institutionId: null }],
};

const person = (id: string, displayName: string) => ({
  __typename: 'Member',
  id,
  displayName,
  careerStage: 'MEDICAL_STUDENT',
  institution: { __typename: 'Institution', name: 'North Hospital' },
});

const people = [person('m1', 'Ada Obi'), person('m2', 'Ben Obi'), person('m3', 'Cy Obi')];

const searchAnswer = {
  request: {
    query: MemberSearchDocument,
    variables: { nameContains: 'Obi', role: null, institutionId: null },
  },
  result: {
    data: {
      members: {
        __typename: 'MemberConnection',
        edges: people.map((node) => ({ __typename: 'MemberEdge', node })),
      },
    },
  },
  maxUsageCount: 5,
};

describe('new Mastermind group form', () => {
  it('shows every problem at its field and focuses the first', async () => {
    const user = userEvent.setup();
    renderPage(<NewGroupForm />, [], me);
    await user.clear(screen.getByRole('textbox', { name: 'Days between sessions' }));
    await user.type(screen.getByRole('textbox', { name: 'Days between sessions' }), '3');
    await user.click(screen.getByRole('button', { name: 'Form the group' }));
    const name = screen.getByRole('textbox', { name: /Group name/ });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByRole('searchbox', { name: 'Find people to add by name' })).toHaveAccessibleDescription(
      /3 to 9 people besides the facilitator\./,
    );
    expect(screen.getByRole('textbox', { name: 'Days between sessions' })).toHaveAccessibleDescription(
      /A whole number of days from 7 to 90/,
    );
    expect(screen.getByText('You facilitate this group.')).toBeInTheDocument();
    // members facilitate what they form: only admins are offered another facilitator
    expect(screen.queryByRole('searchbox', { name: /another facilitator/ })).toBeNull();
  });

  it('adds people found by name, lets one be removed, and forms the group with the member as facilitator', async () => {
    const user = userEvent.setup();
    let sent: unknown = null;
    renderPage(
      <NewGroupForm />,
      [
        searchAnswer,
        {
          request: {
            query: CreateMastermindGroupDocument,
            variables: (variables: Record<string, unknown>) => {
              sent = variables;
              return true;
            },
          },
          result: {
            data: {
              createMastermindGroup: { __typename: 'MastermindGroup', id: 'g1', name: 'Writing circle' },
            },
          },
        },
        {
          request: { query: MyMastermindGroupsDocument },
          result: {
            data: {
              myMastermindGroups: {
                __typename: 'MastermindGroupConnection',
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                edges: [],
              },
            },
          },
        },
      ],
      me,
    );
    await user.type(screen.getByRole('textbox', { name: /Group name/ }), ' Writing circle ');
    const find = screen.getByRole('searchbox', { name: 'Find people to add by name' });
    for (const name of ['Ada Obi', 'Ben Obi', 'Cy Obi']) {
      await user.type(find, 'Obi');
      await user.click(await screen.findByRole('button', { name: `Add ${name}` }));
    }
    const chosen = screen.getByRole('list', { name: /People \(4 with the facilitator\)/ });
    expect(within(chosen).getAllByRole('listitem')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Remove Ben Obi' }));
    expect(screen.getByRole('list', { name: /People \(3 with the facilitator\)/ })).toBeInTheDocument();
    await user.type(find, 'Obi');
    await user.click(await screen.findByRole('button', { name: 'Add Ben Obi' }));
    await user.click(screen.getByRole('button', { name: 'Form the group' }));
    await waitFor(() =>
      expect(sent).toEqual({
        input: {
          name: 'Writing circle',
          facilitatorId: 'm0',
          memberIds: ['m1', 'm3', 'm2'],
          cadenceDays: 28,
          tags: [],
        },
      }),
    );
    // the submission ends (the button back from "Forming the group…") before the test does: a form's promise still
    // running after a file's last test settles once the test environment is gone ("window is not defined")
    await waitFor(() => expect(screen.getByRole('button', { name: 'Form the group' })).toBeEnabled());
  });
});
