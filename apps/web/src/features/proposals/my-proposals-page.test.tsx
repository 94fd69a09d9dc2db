import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { pagedAnswers } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import MyProposalsPage from './my-proposals-page';
import { MyProposalsDocument, MyTeamInvitationsDocument } from './operations';

const proposal = (id: string, title: string) => ({
  __typename: 'Proposal',
  id,
  title,
  status: 'DRAFT',
  competitionId: 'c1',
  submittedVersion: null,
  updatedAt: '2026-11-30T10:00:00.000Z',
});

const invitation = (proposalId: string, proposalTitle: string) => ({
  __typename: 'TeamInvitation',
  proposalId,
  proposalTitle,
  status: 'PENDING',
  invitedAt: '2026-11-30T10:00:00.000Z',
  leadApplicant: { __typename: 'Member', displayName: 'Ada Obi' },
});

const proposals = pagedAnswers(MyProposalsDocument, 'myProposals', 'Proposal');
const invitations = pagedAnswers(MyTeamInvitationsDocument, 'myTeamInvitations', 'TeamInvitation');

describe('your proposals page', () => {
  it('pages the proposals and the team invitations each on their own', async () => {
    const user = userEvent.setup();
    renderPage(<MyProposalsPage />, [
      proposals(null, [proposal('p1', 'Sim training')], 'p-1'),
      proposals('p-1', [proposal('p2', 'Feedback literacy')], null),
      invitations(null, [invitation('p8', 'Ward rounds')], 'i-1'),
      invitations('i-1', [invitation('p9', 'Night shifts')], null),
    ]);
    const invited = within(await screen.findByRole('region', { name: 'Invitations to join a team' }));
    expect(invited.getByText(/Ward rounds/)).toBeInTheDocument();
    await user.click(invited.getByRole('button', { name: 'Show older invitations' }));
    expect(await invited.findByText(/Night shifts/)).toBeInTheDocument();
    expect(invited.queryByRole('button', { name: 'Show older invitations' })).toBeNull();

    expect(await screen.findByRole('link', { name: /Sim training/ })).toBeInTheDocument();
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show older proposals' }));
    expect(await screen.findByRole('link', { name: /Feedback literacy/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older proposals' })).toBeNull();
  });
});
