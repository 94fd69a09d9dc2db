import { Badge, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { commonMessages } from '../../lib/messages';
import { messageOf } from '../../lib/errors';
import { proposalMessages as t } from './messages';
import { InviteTeamMemberDocument, MemberSearchDocument, ProposalDocument } from './operations';

/** The team and its invitations, and a search by name to invite more people (they join by accepting). */
export function TeamPanel({ proposal, editable }: { proposal: ProposalFieldsFragment; editable: boolean }) {
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 300);
  const results = useQuery(MemberSearchDocument, {
    variables: { nameContains: term },
    skip: term.length < 2,
  });
  const [invite, inviting] = useMutation(InviteTeamMemberDocument, {
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
  const candidates = (results.data?.members.edges ?? [])
    .map((edge) => edge.node)
    .filter((m) => !known.has(m.id));
  const inviteMember = async (memberId: string, name: string) => {
    try {
      await invite({ variables: { proposalId: proposal.id, memberId } });
      notifications.show({ color: 'green', message: t.invited(name) });
      setSearch('');
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
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
        <>
          <TextInput
            label={t.searchPeople}
            description={t.searchHint}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <div aria-live="polite">
            {term.length >= 2 && results.data && candidates.length === 0 && (
              <Text size="sm">{t.noMatches}</Text>
            )}
            <Stack gap={4}>
              {candidates.map((member) => (
                <Group key={member.id} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {member.displayName} · {member.institution.name} ·{' '}
                    {commonMessages.careerStages[member.careerStage]}
                  </Text>
                  <Button
                    size="xs"
                    variant="outline"
                    loading={inviting.loading}
                    onClick={() => void inviteMember(member.id, member.displayName)}
                  >
                    {t.invite(member.displayName)}
                  </Button>
                </Group>
              ))}
            </Stack>
          </div>
        </>
      )}
    </Stack>
  );
}
