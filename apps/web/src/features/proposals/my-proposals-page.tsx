import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { messageOf } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { proposalMessages as t } from './messages';
import {
  AcceptTeamInvitationDocument,
  DeclineTeamInvitationDocument,
  MyProposalsDocument,
  MyTeamInvitationsDocument,
} from './operations';

/** Invitations to teams waiting for an answer (nothing when there are none), a page at a time. */
function Invitations() {
  const query = useQuery(MyTeamInvitationsDocument, { fetchPolicy: 'cache-and-network' });
  const options = {
    refetchQueries: [MyTeamInvitationsDocument, MyProposalsDocument],
    awaitRefetchQueries: true,
  };
  const [accept, accepting] = useMutation(AcceptTeamInvitationDocument, options);
  const [decline, declining] = useMutation(DeclineTeamInvitationDocument, options);
  const answer = async (proposalId: string, yes: boolean) => {
    try {
      if (yes) await accept({ variables: { proposalId } });
      else await decline({ variables: { proposalId } });
      notifications.show({ color: yes ? 'green' : undefined, message: yes ? t.accepted : t.declined });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  if (!query.data || query.data.myTeamInvitations.edges.length === 0) return null;
  return (
    <section aria-labelledby="invitations">
      <Title order={2} id="invitations" mb="xs">
        {t.invitationsTitle}
      </Title>
      <Stack gap="xs">
        {nodes(query.data.myTeamInvitations).map((invitation) => (
          <Card key={invitation.proposalId} withBorder>
            <Group justify="space-between">
              <Text>{t.invitedBy(invitation.proposalTitle, invitation.leadApplicant.displayName)}</Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  loading={accepting.loading}
                  onClick={() => void answer(invitation.proposalId, true)}
                >
                  {t.accept}
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  loading={declining.loading}
                  onClick={() => void answer(invitation.proposalId, false)}
                >
                  {t.decline}
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <ShowMore query={query} path={['myTeamInvitations']} label={t.moreInvitations} />
    </section>
  );
}

export default function MyProposalsPage() {
  const query = useQuery(MyProposalsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t.listTitle} intro={t.listIntro}>
      <Stack gap="lg">
        <Invitations />
        <QueryState data={query.data} loading={query.loading} error={query.error}>
          {(data) =>
            data.myProposals.edges.length === 0 ? (
              <Group>
                <Text>{t.none}</Text>
                <Anchor component={Link} to="/competitions">
                  {t.browse}
                </Anchor>
              </Group>
            ) : (
              <Stack gap="xs">
                {nodes(data.myProposals).map((proposal) => (
                  <Card key={proposal.id} withBorder>
                    <Group justify="space-between">
                      <Anchor component={Link} to={`/proposals/${proposal.id}`} fw={600}>
                        {t.editTitle(proposal.title)}
                      </Anchor>
                      <Group gap="xs">
                        <Badge variant="light">{t.status[proposal.status]}</Badge>
                        <Text size="sm">{formatDateTime(proposal.updatedAt)}</Text>
                      </Group>
                    </Group>
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryState>
        <ShowMore query={query} path={['myProposals']} label={t.moreProposals} />
      </Stack>
    </Page>
  );
}
