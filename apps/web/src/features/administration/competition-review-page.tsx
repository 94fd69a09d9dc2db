import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type {
  CompetitionConflictsQuery,
  CompetitionJudgeSearchQuery,
  NamedConflictDecision,
} from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { withNotice } from '../../lib/notify';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { SearchSelect } from '../../lib/search-select';
import { ShowMore } from '../../lib/show-more';
import { TableHead } from '../../lib/table';
import { administrationMessages as t } from './messages';
import {
  AssignJudgeDocument,
  CompetitionAssignmentsDocument,
  CompetitionConflictsDocument,
  CompetitionEntrySearchDocument,
  CompetitionJudgeSearchDocument,
  CompetitionReviewDocument,
  ReviewNamedConflictDocument,
  UnassignJudgeDocument,
} from './operations';

type Conflict = CompetitionConflictsQuery['competitionConflicts']['edges'][number]['node'];
type PoolJudge = CompetitionJudgeSearchQuery['competitionJudges']['edges'][number]['node'];

/**
 * A judge of the pool as the picker offers them: one the server would refuse for the chosen entry (the same check
 * `assignJudge` makes) is listed, disabled, with the reason, so the organiser sees why they are not offered.
 */
function judgeOption({ judge, handAssignment }: PoolJudge) {
  if (!handAssignment || handAssignment.allowed) return { value: judge.id, label: judge.displayName };
  const why = handAssignment.refusals
    .map(({ rule, conflictKinds }) =>
      conflictKinds.length > 0
        ? `${t.refusal[rule]}: ${conflictKinds.map((kind) => t.kind[kind].toLowerCase()).join(', ')}`
        : t.refusal[rule],
    )
    .join('; ');
  return { value: judge.id, label: t.cannotAssign(judge.displayName, why), disabled: true };
}

/** The entry a conflict or an assignment is about, by title (the proposals subgraph resolves it for admins). */
const entryOf = (item: { proposalId: string; proposal?: { title: string } | null }) =>
  item.proposal?.title ?? item.proposalId;

/** Accept or overrule a conflict the applicants named, with a reason (audited). */
function NamedConflictReview({ conflict, competitionId }: { conflict: Conflict; competitionId: string }) {
  const [review, reviewing] = useMutation(ReviewNamedConflictDocument, {
    refetchQueries: [{ query: CompetitionConflictsDocument, variables: { competitionId } }],
  });
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const decide = async (decision: NamedConflictDecision) => {
    if (!reason.trim()) {
      setProblem(t.required);
      return;
    }
    setProblem(null);
    try {
      await review({ variables: { conflictId: conflict.id, decision, reason: reason.trim() } });
      notifications.show({ color: 'green', message: t.reviewed });
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        label={t.decisionReason}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={problem}
        required
      />
      <Button size="xs" loading={reviewing.loading} onClick={() => void decide('ACCEPT')}>
        {t.accept}
      </Button>
      <Button size="xs" variant="outline" loading={reviewing.loading} onClick={() => void decide('OVERRULE')}>
        {t.overrule}
      </Button>
    </Group>
  );
}

function Conflicts({ competitionId }: { competitionId: string }) {
  const query = useQuery(CompetitionConflictsDocument, { variables: { competitionId } });
  return (
    <Section id="conflicts" title={t.conflictsTitle}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => (
          <ConflictList
            conflicts={nodes(data.competitionConflicts)}
            competitionId={competitionId}
            more={<ShowMore query={query} path={['competitionConflicts']} label={t.moreConflicts} />}
          />
        )}
      </QueryState>
    </Section>
  );
}

function ConflictList({
  conflicts,
  competitionId,
  more,
}: {
  conflicts: Conflict[];
  competitionId: string;
  more: ReactNode;
}) {
  return (
    <>
      {conflicts.length === 0 ? (
        <Text size="sm">{t.noConflicts}</Text>
      ) : (
        <Stack gap="sm">
          {conflicts.map((conflict) => (
            <Stack
              key={conflict.id}
              gap={4}
              component="article"
              aria-label={`${t.kind[conflict.kind]}: ${conflict.judge.displayName}`}
            >
              <Group gap="xs">
                <Badge variant="light">{t.kind[conflict.kind]}</Badge>
                {conflict.reviewStatus && (
                  <Badge variant="light" color={conflict.reviewStatus === 'PENDING' ? 'yellow' : 'gray'}>
                    {t.reviewStatus[conflict.reviewStatus]}
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {t.judge}: {conflict.judge.displayName} · {t.entry}: {entryOf(conflict)} ·{' '}
                {formatDate(conflict.recordedAt)}
              </Text>
              <Text size="sm">
                {t.reason}: {conflict.reason}
              </Text>
              {conflict.reviewReason && <Text size="sm">{conflict.reviewReason}</Text>}
              {conflict.reviewStatus === 'PENDING' && (
                <NamedConflictReview conflict={conflict} competitionId={competitionId} />
              )}
            </Stack>
          ))}
        </Stack>
      )}
      {more}
    </>
  );
}

function Assignments({ competitionId }: { competitionId: string }) {
  const query = useQuery(CompetitionAssignmentsDocument, { variables: { competitionId } });
  const refetchQueries = [{ query: CompetitionAssignmentsDocument, variables: { competitionId } }];
  const [assign, assigning] = useMutation(AssignJudgeDocument, { refetchQueries });
  const [unassign, unassigning] = useMutation(UnassignJudgeDocument, { refetchQueries });
  const [proposalId, setProposalId] = useState<string | null>(null);
  const [judgeId, setJudgeId] = useState<string | null>(null);
  const assignments = query.data ? nodes(query.data.competitionAssignments) : [];
  return (
    <Section id="assignments" title={t.assignmentsTitle}>
      {!query.data ? (
        <QueryState data={query.data} loading={query.loading} error={query.error}>
          {() => null}
        </QueryState>
      ) : assignments.length === 0 ? (
        <Text size="sm">{t.noAssignments}</Text>
      ) : (
        <Table>
          <TableHead
            columns={[
              t.entry,
              t.judge,
              t.status,
              <VisuallyHidden key="action">{t.assignmentAction}</VisuallyHidden>,
            ]}
          />
          <Table.Tbody>
            {assignments.map((item) => (
              <Table.Tr key={`${item.proposalId}-${item.judgeId}`}>
                <Table.Td>{entryOf(item)}</Table.Td>
                <Table.Td>{item.judge.displayName}</Table.Td>
                <Table.Td>
                  {t.origin[item.origin]} · {item.reviewStarted ? t.started : t.notStarted}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    loading={unassigning.loading}
                    aria-label={`${t.unassign}: ${item.judge.displayName}, ${entryOf(item)}`}
                    onClick={() =>
                      void withNotice(
                        () =>
                          unassign({
                            variables: {
                              proposalId: item.proposalId,
                              judgeId: item.judgeId,
                              discardStartedReview: item.reviewStarted,
                            },
                          }),
                        t.unassigned,
                      )
                    }
                  >
                    {item.reviewStarted ? t.unassignStarted : t.unassign}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ShowMore query={query} path={['competitionAssignments']} label={t.moreAssignments} />
      <Stack gap="xs" mt="md">
        <Text size="sm" fw={600}>
          {t.assignTitle}
        </Text>
        <Text size="sm">{t.assignHint}</Text>
        <Group align="flex-end" gap="xs">
          <SearchSelect
            label={t.entry}
            description={t.choiceHint}
            nothingFound={t.noEntryFound}
            document={CompetitionEntrySearchDocument}
            variablesOf={(titleContains) => ({ competitionId, titleContains })}
            optionsOf={(data) =>
              nodes(data.competitionEntries).map((entry) => ({ value: entry.id, label: entry.title }))
            }
            value={proposalId}
            onChange={(next) => {
              // who may review it depends on the entry: choose the judge again against the new one
              setProposalId(next);
              setJudgeId(null);
            }}
          />
          <SearchSelect
            // a new entry starts a new search, with no judge checked against the previous one
            key={proposalId ?? ''}
            label={t.judge}
            description={`${t.judgeHint} ${t.choiceHint}`}
            nothingFound={t.noJudgeFound}
            document={CompetitionJudgeSearchDocument}
            variablesOf={(nameContains) => ({ competitionId, nameContains, proposalId })}
            optionsOf={(data) => nodes(data.competitionJudges).map(judgeOption)}
            value={judgeId}
            onChange={setJudgeId}
          />
          <Button
            disabled={!proposalId || !judgeId}
            loading={assigning.loading}
            onClick={() =>
              void withNotice(
                () => assign({ variables: { proposalId: proposalId ?? '', judgeId: judgeId ?? '' } }),
                t.assigned,
              )
            }
          >
            {t.assign}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

export default function CompetitionReviewPage() {
  const { id = '' } = useParams();
  const query = useQuery(CompetitionReviewDocument, { variables: { competitionId: id } });
  const data = query.data;
  return (
    <Page title={t.reviewTitle(data?.competition?.title ?? '')}>
      <Anchor component={Link} to={`/admin/competitions/${id}`}>
        {t.back}
      </Anchor>
      <QueryState data={data} loading={query.loading} error={query.error}>
        {() => (
          <Stack gap="lg">
            <Conflicts competitionId={id} />
            <Assignments competitionId={id} />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
