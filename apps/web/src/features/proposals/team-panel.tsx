import { Badge, List, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type {
  ProposalFieldsFragment,
  ProposalInvitationsQuery,
  TeamInvitationFieldsFragment,
} from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { fieldErrorsOf, messageOf } from '../../lib/errors';
import { MemberPicker } from '../../lib/member-picker';
import { commonMessages } from '../../lib/messages';
import { putNewest, ShowMore } from '../../lib/show-more';
import { proposalMessages as t } from './messages';
import { InviteTeamMemberDocument, ProposalInvitationsDocument } from './operations';

/** What tells a proposal's invitations apart: the member invited (inviting them again replaces theirs). */
const invitee = (invitation: TeamInvitationFieldsFragment) => invitation.member.id;

/** The team and its invitations (paged), and a search by name to invite more people (they join by accepting). */
export function TeamPanel({ proposal, editable }: { proposal: ProposalFieldsFragment; editable: boolean }) {
  const variables = { id: proposal.id };
  const invitations = useQuery(ProposalInvitationsDocument, { variables });
  const [invite] = useMutation(InviteTeamMemberDocument, {
    // the invitation sent heads the pages shown (newest first), in place of the member's earlier one
    update(cache, { data }) {
      if (!data) return;
      cache.updateQuery(
        { query: ProposalInvitationsDocument, variables },
        putNewest<ProposalInvitationsQuery, TeamInvitationFieldsFragment>(
          ['proposal', 'invitations'],
          { __typename: 'TeamInvitationEdge', node: data.inviteTeamMember } as {
            node: TeamInvitationFieldsFragment;
          },
          invitee,
          (invitation) => invitation.invitedAt,
        ),
      );
    },
  });
  const invited = invitations.data?.proposal ? nodes(invitations.data.proposal.invitations) : [];
  // only those shown are known here: inviting someone already invited on a later page changes nothing
  const known = new Set([
    proposal.leadApplicant.id,
    ...proposal.team.map((member) => member.id),
    ...invited.filter((item) => item.status !== 'DECLINED').map((item) => item.member.id),
  ]);
  // a refusal of the person picked (the team has no place left) belongs to the search that picks them
  const [inviteError, setInviteError] = useState<string | null>(null);
  const inviteMember = async (memberId: string, name: string) => {
    setInviteError(null);
    try {
      await invite({ variables: { proposalId: proposal.id, memberId } });
    } catch (failure) {
      const refused = fieldErrorsOf(failure, { prefix: '', wording: t.rules }).memberId;
      if (!refused) throw failure;
      setInviteError(t.notInvited(refused));
      return;
    }
    notifications.show({ color: 'green', message: t.invited(name) });
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t.teamTitle}
      </Title>
      <List aria-label={t.teamTitle}>
        {proposal.team.map((member) => (
          <List.Item key={member.id}>
            {member.displayName} · {member.institution.name} ·{' '}
            {commonMessages.careerStages[member.careerStage]}
            {member.id === proposal.leadApplicant.id && ` (${t.lead})`}
          </List.Item>
        ))}
        {invited
          .filter((item) => item.status !== 'ACCEPTED')
          .map((item) => (
            <List.Item key={item.member.id}>
              {item.member.displayName}{' '}
              <Badge variant="light" color={item.status === 'DECLINED' ? 'gray' : 'yellow'}>
                {t.invitationStatus[item.status]}
              </Badge>
            </List.Item>
          ))}
      </List>
      {invitations.error && (
        <div role="alert" style={{ color: 'var(--mantine-color-red-8)' }}>
          {messageOf(invitations.error)}
        </div>
      )}
      <ShowMore
        query={invitations}
        path={['proposal', 'invitations']}
        label={t.moreTeamInvitations}
        identity={(node) => invitee(node as TeamInvitationFieldsFragment)}
      />
      {editable && (
        <MemberPicker
          label={t.searchPeople}
          description={t.searchHint}
          exclude={known}
          pickLabel={t.invite}
          error={inviteError}
          onPick={(member) => inviteMember(member.id, member.displayName)}
        />
      )}
    </Stack>
  );
}
