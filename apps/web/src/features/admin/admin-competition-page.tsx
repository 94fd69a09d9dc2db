import {
  Anchor,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type {
  AdminCompetitionQuery,
  CompetitionJudgeFieldsFragment,
  CompetitionJudgesQuery,
  CompetitionPhase,
} from '../../gql/graphql';
import { messageOf, ruleOf } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { MemberPicker } from '../../lib/member-picker';
import { QueryState } from '../../lib/query-state';
import { putNewest, ShowMore } from '../../lib/show-more';
import { CompetitionFacts, PhaseBadge, RubricTable } from '../competitions/competition-details';
import { CompetitionDates } from './competition-dates';
import { JudgingActivity } from './judging-activity';
import { adminMessages as t } from './messages';
import { administrationMessages } from '../administration/messages';
import {
  AddJudgeDocument,
  AdminCompetitionDocument,
  CompetitionJudgesDocument,
  AssignJudgesDocument,
  JudgingActivityDocument,
  CancelCompetitionDocument,
  CompetitionRankingDocument,
  OpenCompetitionDocument,
  PublishResultsDocument,
  StartJudgingDocument,
} from './operations';

type Competition = NonNullable<AdminCompetitionQuery['competition']>;

/**
 * The moves the competition's phase allows. A refusal shows under the buttons until the next move; starting
 * judging before the call has closed says when it closes and where to move the close.
 */
export function PhaseControls({
  competition,
}: {
  competition: Pick<Competition, 'id' | 'phase' | 'nextPhases' | 'closesAt'>;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const refetch = {
    refetchQueries: [
      { query: AdminCompetitionDocument, variables: { id: competition.id } },
      { query: CompetitionRankingDocument, variables: { id: competition.id } },
      // publishing and cancelling are in the judging activity shown below
      JudgingActivityDocument,
    ],
    awaitRefetchQueries: true,
  };
  const [open, opening] = useMutation(OpenCompetitionDocument, refetch);
  const [judge, starting] = useMutation(StartJudgingDocument, refetch);
  const [publish, publishing] = useMutation(PublishResultsDocument, refetch);
  const [cancel, cancelling] = useMutation(CancelCompetitionDocument, refetch);
  const busy = opening.loading || starting.loading || publishing.loading || cancelling.loading;
  const move = async (phase: CompetitionPhase) => {
    const label = t.moveTo[phase];
    if ((phase === 'RESULTS_PUBLISHED' || phase === 'CANCELLED') && !window.confirm(t.confirmMove(label)))
      return;
    const variables = { id: competition.id };
    setProblem(null);
    try {
      if (phase === 'OPEN') await open({ variables });
      else if (phase === 'JUDGING') await judge({ variables });
      else if (phase === 'RESULTS_PUBLISHED') await publish({ variables });
      else if (phase === 'CANCELLED') await cancel({ variables });
      notifications.show({ color: 'green', message: t.moved });
    } catch (error) {
      setProblem(
        phase === 'JUDGING' && ruleOf(error) === 'BEFORE_CLOSES_AT'
          ? t.beforeClose(formatDateTime(competition.closesAt))
          : messageOf(error),
      );
    }
  };
  return (
    <section aria-labelledby="phase">
      <Title order={2} size="h3" id="phase" mb="xs">
        {t.phaseTitle}
      </Title>
      <Group gap="xs">
        <PhaseBadge phase={competition.phase} />
        {competition.nextPhases.map((phase) => (
          <Button
            key={phase}
            size="xs"
            variant={phase === 'CANCELLED' ? 'outline' : 'filled'}
            color={phase === 'CANCELLED' ? 'red' : undefined}
            disabled={busy}
            onClick={() => void move(phase)}
          >
            {t.moveTo[phase]}
          </Button>
        ))}
        {publishing.loading && (
          <Group gap={6} role="status">
            <Loader size="xs" />
            <Text size="sm">{t.publishing}</Text>
          </Group>
        )}
      </Group>
      {problem && (
        <Alert color="red" role="alert" mt="xs">
          {problem}
        </Alert>
      )}
    </section>
  );
}

/** What tells the pool's entries apart: the judge. */
const judgeId = (entry: CompetitionJudgeFieldsFragment) => entry.judge.id;

/** The judge pool a page at a time, and judges added by name from the members holding the judge role. */
export function JudgePool({ competitionId }: { competitionId: string }) {
  const query = useQuery(CompetitionJudgesDocument, { variables: { competitionId } });
  const [add] = useMutation(AddJudgeDocument, {
    // the judging activity below gains a line
    refetchQueries: [JudgingActivityDocument],
    // the judge added heads the pages shown (most recently added first); adding one already in the pool
    // changes nothing. No reload: the pages already shown stay
    update(cache, { data }) {
      if (!data) return;
      cache.updateQuery(
        { query: CompetitionJudgesDocument, variables: { competitionId } },
        putNewest<CompetitionJudgesQuery, CompetitionJudgeFieldsFragment>(
          ['competitionJudges'],
          { __typename: 'CompetitionJudgeEdge', node: data.addJudge } as {
            node: CompetitionJudgeFieldsFragment;
          },
          judgeId,
          (item) => item.addedAt,
        ),
      );
    },
  });
  const inPool = query.data ? nodes(query.data.competitionJudges).map((item) => item.judge.id) : [];
  const addJudge = async (memberId: string, name: string) => {
    await add({ variables: { competitionId, memberId } });
    notifications.show({ color: 'green', message: t.judgeAdded(name) });
  };
  return (
    <section aria-labelledby="judges">
      <Title order={2} size="h3" id="judges" mb="xs">
        {t.judgesTitle}
      </Title>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.competitionJudges.edges.length === 0 ? (
            <Text>{t.noJudges}</Text>
          ) : (
            <List aria-label={t.judgesTitle}>
              {nodes(data.competitionJudges).map((item) => (
                <List.Item key={item.judge.id}>{item.judge.displayName}</List.Item>
              ))}
            </List>
          )
        }
      </QueryState>
      <ShowMore
        query={query}
        path={['competitionJudges']}
        label={t.moreJudges}
        identity={(node) => judgeId(node as CompetitionJudgeFieldsFragment)}
      />
      <Box mt="sm">
        <MemberPicker
          label={t.findJudge}
          description={t.findJudgeHint}
          role="JUDGE"
          exclude={inPool}
          pickLabel={t.addJudge}
          onPick={(member) => addJudge(member.id, member.displayName)}
        />
      </Box>
    </section>
  );
}

function Assignment({ competitionId }: { competitionId: string }) {
  const [assign, run] = useMutation(AssignJudgesDocument, { refetchQueries: [JudgingActivityDocument] });
  const [problem, setProblem] = useState<string | null>(null);
  const start = async () => {
    setProblem(null);
    try {
      await assign({ variables: { competitionId } });
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  const result = run.data?.assignJudges;
  return (
    <section aria-labelledby="assignment">
      <Title order={2} size="h3" id="assignment" mb="xs">
        {t.assignTitle}
      </Title>
      <Group>
        <Button loading={run.loading} onClick={() => void start()}>
          {t.assign}
        </Button>
        <div role="status" aria-live="polite">
          {run.loading && <Text size="sm">{t.assigning}</Text>}
          {result && !run.loading && (
            <Text size="sm">{t.loadBand(result.minLoad, result.maxLoad, result.assignments.length)}</Text>
          )}
        </div>
      </Group>
      {problem && (
        <Alert color="red" role="alert" mt="xs">
          {problem}
        </Alert>
      )}
    </section>
  );
}

/** The competition's ranking, best first, provisional until results are published. */
export function Ranking({ competitionId }: { competitionId: string }) {
  const query = useQuery(CompetitionRankingDocument, {
    variables: { id: competitionId },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <section aria-labelledby="ranking">
      <Title order={2} size="h3" id="ranking" mb="xs">
        {t.rankingTitle}
      </Title>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => (
          <Stack gap="xs">
            <Text size="sm">{data.competitionRanking.published ? t.published : t.provisional}</Text>
            {data.competitionRanking.entries.edges.length === 0 ? (
              <Text>{t.noEntries}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      {Object.values(t.columns).map((label) => (
                        <Table.Th key={label} scope="col">
                          {label}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {nodes(data.competitionRanking.entries).map((entry) => (
                      <Table.Tr key={entry.proposalId}>
                        <Table.Td>{entry.rank}</Table.Td>
                        <Table.Th scope="row">{entry.title}</Table.Th>
                        <Table.Td>{formatNumber(entry.normalisedScore)}</Table.Td>
                        <Table.Td>{formatNumber(entry.meanRawScore, 1)}</Table.Td>
                        <Table.Td>{entry.reviewCount}</Table.Td>
                        <Table.Td>
                          {entry.isWinner ? (
                            <Badge color="green" variant="light">
                              {t.yes}
                            </Badge>
                          ) : (
                            ''
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <ShowMore query={query} path={['competitionRanking', 'entries']} label={t.moreEntries} />
          </Stack>
        )}
      </QueryState>
    </section>
  );
}

export default function AdminCompetitionPage() {
  const { id = '' } = useParams();
  const query = useQuery(AdminCompetitionDocument, { variables: { id } });
  return (
    <Page title={query.data?.competition?.title ?? t.title}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.competition && (
            <Stack gap="xl">
              <PhaseControls competition={data.competition} />
              <CompetitionFacts competition={data.competition} />
              <CompetitionDates competition={data.competition} />
              <JudgePool competitionId={data.competition.id} />
              {data.competition.phase === 'JUDGING' && <Assignment competitionId={data.competition.id} />}
              <Anchor component={Link} to={`/admin/competitions/${data.competition.id}/review`}>
                {administrationMessages.reviewLink}
              </Anchor>
              {(data.competition.phase === 'JUDGING' || data.competition.phase === 'RESULTS_PUBLISHED') && (
                <Ranking competitionId={data.competition.id} />
              )}
              <JudgingActivity competitionId={data.competition.id} />
              <Card withBorder>
                <RubricTable criteria={data.competition.criteria} />
              </Card>
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
