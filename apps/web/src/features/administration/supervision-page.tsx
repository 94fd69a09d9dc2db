import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { SupervisionProposalsQuery } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { MemberPicker, type FoundMember } from '../../lib/member-picker';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { administrationMessages as t } from './messages';
import { ConfirmSupervisionDocument, SupervisionProposalsDocument } from './operations';
import { Reasons } from './reasons';

type Proposal = SupervisionProposalsQuery['supervisionProposals']['edges'][number]['node'];

function ProposalCard({ proposal }: { proposal: Proposal }) {
  // the answer updates the card in place (the cache has the proposal by id); a refetch would fold the list back
  // to its first page and lose a card confirmed further down
  const [confirm, confirming] = useMutation(ConfirmSupervisionDocument);
  // another mentor than the proposed one, found by name among the members holding the mentor role
  const [other, setOther] = useState<FoundMember | null>(null);
  const mentorId = other?.id ?? null;
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
          <Stack gap="xs">
            {other ? (
              <Group gap="xs">
                <Text size="sm">{t.chosenMentor(other.displayName)}</Text>
                <Button size="compact-xs" variant="subtle" onClick={() => setOther(null)}>
                  {t.clearMentor(other.displayName)}
                </Button>
              </Group>
            ) : (
              <MemberPicker
                label={t.otherMentor}
                role="MENTOR"
                pickLabel={t.chooseMentor}
                exclude={proposal.mentor ? [proposal.mentor.id] : []}
                onPick={setOther}
              />
            )}
            <Group>
              <Button
                loading={confirming.loading}
                disabled={!proposal.mentor && !mentorId}
                onClick={() => void act()}
              >
                {t.confirm}
              </Button>
            </Group>
          </Stack>
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
                <ProposalCard key={proposal.id} proposal={proposal} />
              ))}
              <ShowMore query={query} path={['supervisionProposals']} label={t.moreSupervision} />
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
