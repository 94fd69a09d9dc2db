import { Anchor, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { MyAssignmentsQuery } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { judgingMessages as t } from './messages';
import { MyAssignmentsDocument } from './operations';

type Assignment = MyAssignmentsQuery['myAssignments']['edges'][number]['node'];

function byCompetition(assignments: readonly Assignment[]) {
  const groups = new Map<string, { title: string; entries: Assignment[] }>();
  for (const assignment of assignments) {
    const group = groups.get(assignment.competitionId) ?? { title: assignment.competitionTitle, entries: [] };
    group.entries.push(assignment);
    groups.set(assignment.competitionId, group);
  }
  return [...groups.entries()];
}

export default function AssignmentsPage() {
  const query = useQuery(MyAssignmentsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t.title} intro={t.intro}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.myAssignments.edges.length === 0 ? (
            <Text>{t.none}</Text>
          ) : (
            <Stack gap="lg">
              {byCompetition(nodes(data.myAssignments)).map(([competitionId, group]) => {
                const scored = group.entries.filter((entry) => entry.review).length;
                return (
                  <section key={competitionId} aria-labelledby={`competition-${competitionId}`}>
                    <Title order={2} size="h3" id={`competition-${competitionId}`}>
                      {group.title}
                    </Title>
                    <Text size="sm" mt={4}>
                      {t.progress(scored, group.entries.length)}
                    </Text>
                    <Progress
                      value={(scored / group.entries.length) * 100}
                      aria-label={t.progress(scored, group.entries.length)}
                      my="xs"
                    />
                    <Stack gap="xs">
                      {group.entries.map((entry) => (
                        <Card key={entry.proposalId} withBorder>
                          <Group justify="space-between">
                            <Anchor component={Link} to={`/judging/${entry.proposalId}`}>
                              {t.open(entry.title)}
                            </Anchor>
                            <Badge variant="light" color={entry.review ? 'green' : 'yellow'}>
                              {entry.review ? t.scored : t.toScore}
                            </Badge>
                          </Group>
                        </Card>
                      ))}
                    </Stack>
                  </section>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
      <ShowMore query={query} path={['myAssignments']} label={t.moreAssignments} />
    </Page>
  );
}
