import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { badUserInput, foundMember, memberSearch, connectionPage } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import { InviteTeamMemberDocument, ProposalInvitationsDocument } from './operations';
import { TeamPanel } from './team-panel';

const lead = { id: 'm1', displayName: 'Ada Obi', institutionId: 'i1', careerStage: 'RESIDENT' as const };

const proposal = {
  id: 'p1',
  leadApplicant: { id: 'm1', displayName: 'Ada Obi' },
  team: [{ ...lead, institution: { name: 'North Hospital' } }],
} as ProposalFieldsFragment;

const invitation = (memberId: string, displayName: string, status: string) => ({
  __typename: 'TeamInvitation',
  proposalId: 'p1',
  status,
  invitedAt: '2026-11-20T09:00:00.000Z',
  answeredAt: null,
  member: { __typename: 'Member', id: memberId, displayName },
});

const invitations = (after: string | undefined, items: unknown[], endCursor: string | null) => ({
  request: { query: ProposalInvitationsDocument, variables: after ? { id: 'p1', after } : { id: 'p1' } },
  result: {
    data: {
      proposal: {
        __typename: 'Proposal',
        id: 'p1',
        invitations: connectionPage('TeamInvitation', items, endCursor, 3),
      },
    },
  },
});

describe('proposal team panel', () => {
  it('pages the invitations with ShowMore, and an invitation sent joins the pages shown without reloading them', async () => {
    const user = userEvent.setup();
    renderPage(<TeamPanel proposal={proposal} editable />, [
      invitations(
        undefined,
        [invitation('m2', 'Ben Cole', 'PENDING'), invitation('m1', 'Ada Obi', 'ACCEPTED')],
        'c-2',
      ),
      invitations('c-2', [invitation('m3', 'Cai Dunn', 'DECLINED')], null),
      memberSearch('Eve', null, [foundMember('m4', 'Eve Fox', 'South Hospital')]),
      {
        request: { query: InviteTeamMemberDocument, variables: { proposalId: 'p1', memberId: 'm4' } },
        result: { data: { inviteTeamMember: invitation('m4', 'Eve Fox', 'PENDING') } },
      },
      // no second answer for the first page: reloading the invitations would fail the test
    ]);
    const team = screen.getByRole('list', { name: 'Your team' });
    expect(await within(team).findByText(/Ben Cole/)).toBeInTheDocument();
    expect(screen.getByText('2 of 3 shown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more invitations' }));
    expect(await within(team).findByText(/Cai Dunn/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more invitations' })).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Find people to invite by name' }), 'Eve');
    await user.click(await screen.findByRole('button', { name: 'Invite Eve Fox' }));
    expect(await within(team).findByText(/Eve Fox/)).toBeInTheDocument();
    // both pages still shown
    expect(within(team).getByText(/Ben Cole/)).toBeInTheDocument();
    expect(within(team).getByText(/Cai Dunn/)).toBeInTheDocument();
  });

  it('shows someone already on the team in words at the search, not the API’s field name', async () => {
    const user = userEvent.setup();
    renderPage(<TeamPanel proposal={proposal} editable />, [
      invitations(undefined, [], null),
      memberSearch('Eve', null, [foundMember('m4', 'Eve Fox', 'South Hospital')]),
      {
        request: { query: InviteTeamMemberDocument, variables: { proposalId: 'p1', memberId: 'm4' } },
        result: badUserInput({
          field: 'memberId',
          rule: 'notOnTeam',
          message: 'memberId is already on the team',
        }),
      },
    ]);
    const search = screen.getByRole('searchbox', { name: 'Find people to invite by name' });
    await user.type(search, 'Eve');
    await user.click(await screen.findByRole('button', { name: 'Invite Eve Fox' }));
    expect(await screen.findByText('Not invited. They are already on the team.')).toBeInTheDocument();
    expect(search).toHaveAccessibleDescription(/^Not invited\. They are already on the team\./);
    expect(document.body).not.toHaveTextContent(/memberId|notOnTeam/);
  });

  it('shows a team with no place left at the search in words, and invites once a place is free', async () => {
    const user = userEvent.setup();
    const full = 'a team holds at most 20 members and pending invitations together';
    renderPage(<TeamPanel proposal={proposal} editable />, [
      invitations(undefined, [invitation('m1', 'Ada Obi', 'ACCEPTED')], null),
      memberSearch('Eve', null, [foundMember('m4', 'Eve Fox', 'South Hospital')]),
      {
        request: { query: InviteTeamMemberDocument, variables: { proposalId: 'p1', memberId: 'm4' } },
        result: badUserInput({ field: 'memberId', rule: 'maxTeamPlaces', message: full }),
      },
      memberSearch('Eve', null, [foundMember('m4', 'Eve Fox', 'South Hospital')]),
      {
        request: { query: InviteTeamMemberDocument, variables: { proposalId: 'p1', memberId: 'm4' } },
        result: { data: { inviteTeamMember: invitation('m4', 'Eve Fox', 'PENDING') } },
      },
    ]);
    const search = screen.getByRole('searchbox', { name: 'Find people to invite by name' });
    await user.type(search, 'Eve');
    await user.click(await screen.findByRole('button', { name: 'Invite Eve Fox' }));
    const words =
      'Not invited. The team has no place left: its members and pending invitations fill all its places.';
    expect(await screen.findByText(words)).toBeInTheDocument();
    expect(search).toHaveAttribute('aria-invalid', 'true');
    expect(search).toHaveAccessibleDescription(new RegExp(`^${words}`));
    expect(within(screen.getByRole('list', { name: 'Your team' })).queryByText(/Eve Fox/)).toBeNull();

    await user.type(search, 'Eve');
    await user.click(await screen.findByRole('button', { name: 'Invite Eve Fox' }));
    expect(
      await within(screen.getByRole('list', { name: 'Your team' })).findByText(/Eve Fox/),
    ).toBeInTheDocument();
    expect(search).not.toHaveAttribute('aria-invalid', 'true');
  });
});
