import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import type { CompetitionFieldsFragment, ProposalFieldsFragment } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { CompetitionDocument } from '../competitions/operations';
import { proposalMessages as t } from './messages';
import { ProposalDocument, WithdrawProposalDocument } from './operations';
import { ProposalEditor } from './proposal-editor';
import { ProposalResult } from './proposal-result';
import { ProposalTimeline } from './proposal-timeline';
import { TeamPanel } from './team-panel';

function ReadOnlyProposal({ proposal }: { proposal: ProposalFieldsFragment }) {
  const sections: Array<[string, string]> = [
    [t.summary, proposal.summary],
    [t.aims, proposal.aims],
    [t.methods, proposal.methods],
    [t.impact, proposal.expectedImpact],
  ];
  return (
    <Stack gap="xs">
      <dl className="facts">
        {sections.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || '–'}</dd>
          </div>
        ))}
        <div>
          <dt>{t.funding(proposal.requestedFundingMoney.currency)}</dt>
          <dd>{formatMoney(proposal.requestedFundingMoney)}</dd>
        </div>
        <div>
          <dt>{t.hours}</dt>
          <dd>{proposal.requestedHours}</dd>
        </div>
      </dl>
      <TeamPanel proposal={proposal} editable={false} />
    </Stack>
  );
}

function ProposalView({
  proposal,
  competition,
}: {
  proposal: ProposalFieldsFragment;
  competition: CompetitionFieldsFragment;
}) {
  const [withdraw, withdrawing] = useMutation(WithdrawProposalDocument);
  const open = competition.phase === 'OPEN';
  const editable = open && proposal.status !== 'WITHDRAWN';
  const withdrawProposal = async () => {
    if (!window.confirm(t.withdrawConfirm)) return;
    try {
      await withdraw({ variables: { id: proposal.id } });
      notifications.show({ message: t.withdrawn });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Badge variant="light" size="lg">
          {t.status[proposal.status]}
        </Badge>
        <Anchor component={Link} to={`/competitions/${competition.id}`}>
          {t.competitionLink}: {competition.title}
        </Anchor>
      </Group>
      {editable ? (
        <ProposalEditor key={proposal.id} competition={competition} proposal={proposal} />
      ) : (
        <ReadOnlyProposal proposal={proposal} />
      )}
      <ProposalResult proposal={proposal} competition={competition} />
      <ProposalTimeline proposal={proposal} competition={competition} />
      {editable && (
        <Group>
          <Button
            color="red"
            variant="outline"
            loading={withdrawing.loading}
            onClick={() => void withdrawProposal()}
          >
            {t.withdraw}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export default function ProposalPage() {
  const { id = '' } = useParams();
  const proposal = useQuery(ProposalDocument, { variables: { id } });
  const competitionId = proposal.data?.proposal.competitionId;
  const competition = useQuery(CompetitionDocument, {
    variables: { id: competitionId ?? '' },
    skip: !competitionId,
  });
  return (
    <Page title={proposal.data ? t.editTitle(proposal.data.proposal.title) : t.listTitle}>
      <QueryState data={proposal.data} loading={proposal.loading} error={proposal.error}>
        {(data) => (
          <QueryState
            data={competition.data}
            loading={competition.loading || !competitionId}
            error={competition.error}
          >
            {(found) =>
              found.competition ? (
                <ProposalView proposal={data.proposal} competition={found.competition} />
              ) : (
                <Text>{messageOf(null)}</Text>
              )
            }
          </QueryState>
        )}
      </QueryState>
    </Page>
  );
}
