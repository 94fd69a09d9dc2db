import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type {
  CompetitionConflictsQuery,
  CompetitionReviewQuery,
  NamedConflictDecision,
} from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { withNotice } from '../../lib/notify';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { ShowMore } from '../../lib/show-more';
import { administrationMessages as t } from './messages';
import {
  AssignJudgeDocument,
  CompetitionAssignmentsDocument,
  CompetitionConflictsDocument,
  CompetitionReviewDocument,
  ReviewNamedConflictDocument,
  UnassignJudgeDocument,
} from './operations';

type Conflict = CompetitionConflictsQuery['competitionConflicts']['edges'][number]['node'];
interface Names {
  judge: (id: string) => string;
  entry: (id: string) => string;
}

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

function Conflicts({ competitionId, names }: { competitionId: string; names: Names }) {
  const query = useQuery(CompetitionConflictsDocument, { variables: { competitionId } });
  return (
    <Section id="conflicts" title={t.conflictsTitle}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => (
          <ConflictList
            conflicts={nodes(data.competitionConflicts)}
            competitionId={competitionId}
            names={names}
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
  names,
  more,
}: {
  conflicts: Conflict[];
  competitionId: string;
  names: Names;
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
              aria-label={`${t.kind[conflict.kind]}: ${names.judge(conflict.judgeId)}`}
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
                {t.judge}: {names.judge(conflict.judgeId)} · {t.entry}: {names.entry(conflict.proposalId)} ·{' '}
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

function Assignments({
  competitionId,
  data,
  names,
}: {
  competitionId: string;
  data: CompetitionReviewQuery;
  names: Names;
}) {
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
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.entry}</Table.Th>
              <Table.Th>{t.judge}</Table.Th>
              <Table.Th>{t.status}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assignments.map((item) => (
              <Table.Tr key={`${item.proposalId}-${item.judgeId}`}>
                <Table.Td>{names.entry(item.proposalId)}</Table.Td>
                <Table.Td>{names.judge(item.judgeId)}</Table.Td>
                <Table.Td>
                  {t.origin[item.origin]} · {item.reviewStarted ? t.started : t.notStarted}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    loading={unassigning.loading}
                    aria-label={`${t.unassign}: ${names.judge(item.judgeId)}, ${names.entry(item.proposalId)}`}
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
          <Select
            label={t.entry}
            searchable
            data={nodes(data.competitionEntries).map((entry) => ({ value: entry.id, label: entry.title }))}
            value={proposalId}
            onChange={setProposalId}
          />
          <Select
            label={t.judge}
            searchable
            data={nodes(data.competitionJudges).map(({ judge }) => ({
              value: judge.id,
              label: judge.displayName,
            }))}
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
  const judges = new Map(
    nodes(data?.competitionJudges ?? { edges: [] }).map(({ judge }) => [judge.id, judge.displayName]),
  );
  const entries = new Map(
    nodes(data?.competitionEntries ?? { edges: [] }).map((entry) => [entry.id, entry.title]),
  );
  const names: Names = {
    judge: (judgeId) => judges.get(judgeId) ?? judgeId,
    entry: (proposalId) => entries.get(proposalId) ?? proposalId,
  };
  return (
    <Page title={t.reviewTitle(data?.competition?.title ?? '')}>
      <Anchor component={Link} to={`/admin/competitions/${id}`}>
        {t.back}
      </Anchor>
      <QueryState data={data} loading={query.loading} error={query.error}>
        {(loaded) => (
          <Stack gap="lg">
            <Conflicts competitionId={id} names={names} />
            <Assignments competitionId={id} data={loaded} names={names} />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
