import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { ConflictKind, JudgingActivityQuery, JudgingAuditAction } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { formatDateTime } from '../../lib/format';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { ShowMore } from '../../lib/show-more';
import { ScrollTable, TableHead } from '../../lib/table';
import { useSession } from '../../session/session-context';
import { administrationMessages } from '../administration/messages';
import { adminMessages as t } from './messages';
import { CompetitionJudgesDocument, CompetitionRankingDocument, JudgingActivityDocument } from './operations';

type Entry = JudgingActivityQuery['judgingAuditLog']['edges'][number]['node'];

/** Names by id: the members and entries the page already knows. */
type Names = { members: ReadonlyMap<string, string>; entries: ReadonlyMap<string, string> };

/**
 * The names the admin page has already loaded, read from the cache without asking the server for anything: the
 * judges of the pool's pages shown, the entries of the ranking's pages shown (judging and after), and the member
 * signed in. An id none of them holds is shown with a neutral word instead.
 */
function useKnownNames(competitionId: string): Names {
  const { member } = useSession();
  const pool = useQuery(CompetitionJudgesDocument, {
    variables: { competitionId },
    fetchPolicy: 'cache-only',
  });
  const ranking = useQuery(CompetitionRankingDocument, {
    variables: { id: competitionId },
    fetchPolicy: 'cache-only',
  });
  return useMemo(() => {
    const members = new Map<string, string>();
    for (const item of pool.data ? nodes(pool.data.competitionJudges) : [])
      members.set(item.judge.id, item.judge.displayName);
    if (member) members.set(member.id, t.you(member.displayName));
    const entries = new Map<string, string>();
    for (const entry of ranking.data ? nodes(ranking.data.competitionRanking.entries) : [])
      entries.set(entry.proposalId, entry.title);
    return { members, entries };
  }, [pool.data, ranking.data, member]);
}

const count = (value: unknown) => (typeof value === 'number' ? value : undefined);

/**
 * What an entry's `detail` says in words, for the fields this page knows (the service's JSON, whose other fields,
 * free-text reasons and scores among them, are not shown); empty when it knows none.
 */
export function activitySummary(action: JudgingAuditAction, detail: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return '';
  }
  if (parsed === null || typeof parsed !== 'object') return '';
  const fields = parsed as Record<string, unknown>;
  switch (action) {
    case 'ASSIGNMENT_RUN': {
      const entries = count(fields['entries']);
      const judges = count(fields['judges']);
      return entries === undefined || judges === undefined ? '' : t.runSummary(entries, judges);
    }
    case 'ASSIGNMENT_ADDED':
      return fields['origin'] === 'MANUAL'
        ? t.assignedByHand
        : fields['origin'] === 'AUTOMATIC'
          ? t.assignedByRun
          : '';
    case 'RESULTS_PUBLISHED': {
      const entries = count(fields['entries']);
      const winners = fields['winners'];
      return entries === undefined || !Array.isArray(winners)
        ? ''
        : t.publishedSummary(entries, winners.length);
    }
    case 'CONFLICT_RECORDED':
    case 'CONFLICT_CLEARED':
    case 'CONFLICT_REVISED': {
      const kind = fields['kind'];
      return typeof kind === 'string' && Object.hasOwn(administrationMessages.kind, kind)
        ? administrationMessages.kind[kind as ConflictKind]
        : '';
    }
    default:
      return '';
  }
}

function ActivityRow({ entry, names }: { entry: Entry; names: Names }) {
  const actor = entry.actorId === null ? t.automatic : (names.members.get(entry.actorId) ?? t.someMember);
  const judge = entry.judgeId === null ? '' : (names.members.get(entry.judgeId) ?? t.someJudge);
  const proposal = entry.proposalId === null ? '' : (names.entries.get(entry.proposalId) ?? t.someEntry);
  return (
    <Table.Tr>
      <Table.Td>
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </Table.Td>
      <Table.Th scope="row">{t.activity[entry.action]}</Table.Th>
      <Table.Td>{actor}</Table.Td>
      <Table.Td>{judge}</Table.Td>
      <Table.Td>{proposal}</Table.Td>
      <Table.Td>{activitySummary(entry.action, entry.detail)}</Table.Td>
    </Table.Tr>
  );
}

/**
 * Who assigned, declared conflicts, scored, edited scores or published, newest first, a page at a time: the
 * competition's judging audit log as its organiser reads it.
 */
export function JudgingActivity({ competitionId }: { competitionId: string }) {
  const query = useQuery(JudgingActivityDocument, {
    variables: { competitionId },
    fetchPolicy: 'cache-and-network',
  });
  const names = useKnownNames(competitionId);
  return (
    <Section id="activity" title={t.activityTitle}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.judgingAuditLog.edges.length === 0 ? (
            <Text>{t.noActivity}</Text>
          ) : (
            <Stack gap="xs">
              <Text size="sm">{t.activityCount(data.judgingAuditLog.totalCount)}</Text>
              <ScrollTable minWidth={720}>
                <Table striped withTableBorder aria-labelledby="activity">
                  <TableHead columns={Object.values(t.activityColumns)} />
                  <Table.Tbody>
                    {nodes(data.judgingAuditLog).map((entry) => (
                      <ActivityRow key={entry.id} entry={entry} names={names} />
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <ShowMore query={query} path={['judgingAuditLog']} label={t.moreActivity} />
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
