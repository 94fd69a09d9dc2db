import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { SupervisionProposalsQuery } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { administrationMessages as t } from './messages';
import { ConfirmSupervisionDocument, SupervisionProposalsDocument } from './operations';
import { Reasons } from './reasons';

type Proposal = SupervisionProposalsQuery['supervisionProposals']['edges'][number]['node'];

function ProposalCard({
  proposal,
  mentors,
}: {
  proposal: Proposal;
  mentors: { id: string; displayName: string }[];
}) {
  const [confirm, confirming] = useMutation(ConfirmSupervisionDocument, {
    refetchQueries: [SupervisionProposalsDocument],
  });
  const [mentorId, setMentorId] = useState<string | null>(null);
  const act = async () => {
    try {
      await confirm({ variables: { id: proposal.id, mentorId } });
      notifications.show({ color: 'green', message: t.confirmed });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Card withBorder component="article" aria-labelledby={`sp-${proposal.id}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5" id={`sp-${proposal.id}`}>
            {t.winner(proposal.mentee.displayName, proposal.proposalTitle)}
          </Title>
          <Badge variant="light" color={proposal.status === 'CONFIRMED' ? 'green' : 'yellow'}>
            {t.supervisionStatus[proposal.status]}
          </Badge>
        </Group>
        {proposal.mentor && (
          <Text size="sm">{t.proposedMentor(proposal.mentor.displayName, proposal.score)}</Text>
        )}
        <Reasons reasons={proposal.reasons} />
        {proposal.status !== 'CONFIRMED' && (
          <Group align="flex-end" gap="xs">
            <Select
              label={t.otherMentor}
              searchable
              clearable
              data={mentors.map((mentor) => ({ value: mentor.id, label: mentor.displayName }))}
              value={mentorId}
              onChange={setMentorId}
            />
            <Button
              loading={confirming.loading}
              disabled={!proposal.mentor && !mentorId}
              onClick={() => void act()}
            >
              {t.confirm}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export default function SupervisionPage() {
  const query = useQuery(SupervisionProposalsDocument);
  return (
    <Page title={t.supervisionTitle} intro={t.supervisionIntro}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.supervisionProposals.edges.length === 0 ? (
            <Text>{t.noSupervision}</Text>
          ) : (
            <Stack gap="sm">
              {nodes(data.supervisionProposals).map((proposal) => (
                <ProposalCard key={proposal.id} proposal={proposal} mentors={nodes(data.mentors)} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
