import { Badge, List, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { MemberPicker } from '../../lib/member-picker';
import { commonMessages } from '../../lib/messages';
import { proposalMessages as t } from './messages';
import { InviteTeamMemberDocument, ProposalDocument } from './operations';

/** The team and its invitations, and a search by name to invite more people (they join by accepting). */
export function TeamPanel({ proposal, editable }: { proposal: ProposalFieldsFragment; editable: boolean }) {
  const [invite] = useMutation(InviteTeamMemberDocument, {
    refetchQueries: [{ query: ProposalDocument, variables: { id: proposal.id } }],
    awaitRefetchQueries: true,
  });
  const known = new Set([
    proposal.leadApplicant.id,
    ...proposal.team.map((member) => member.id),
    ...nodes(proposal.invitations)
      .filter((item) => item.status !== 'DECLINED')
      .map((item) => item.member.id),
  ]);
  const inviteMember = async (memberId: string, name: string) => {
    await invite({ variables: { proposalId: proposal.id, memberId } });
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
        {nodes(proposal.invitations)
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
      {editable && (
        <MemberPicker
          label={t.searchPeople}
          description={t.searchHint}
          exclude={known}
          pickLabel={t.invite}
          onPick={(member) => inviteMember(member.id, member.displayName)}
        />
      )}
    </Stack>
  );
}
