import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { ApplicationFieldsFragment, ProgrammeSummaryFragment } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { formatDate, formatDateTime } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { communityMessages as t } from './messages';
import { ProgrammesDocument } from './operations';

/** A programme in a list: dates, audience, size, and the viewer's application if any. */
export function ProgrammeCard({
  programme,
  application,
}: {
  programme: ProgrammeSummaryFragment;
  application?: ApplicationFieldsFragment;
}) {
  const first = programme.sessions[0];
  return (
    <Card withBorder component="article" aria-labelledby={`p-${programme.id}`}>
      <Stack gap={4}>
        <Title order={3} size="h4" id={`p-${programme.id}`}>
          <Anchor component={Link} to={`/programmes/${programme.id}`}>
            {programme.title}
          </Anchor>
        </Title>
        <Group gap="xs">
          <Badge variant="light">{t.mode[programme.mode]}</Badge>
          <Badge variant="light" color="gray">
            {t.sessionsCount(programme.sessions.length)}
          </Badge>
          <Badge variant="light" color="gray">
            {t.places(programme.capacity)}
          </Badge>
          {application && (
            <Badge variant="light" color={application.status === 'ACCEPTED' ? 'green' : 'yellow'}>
              {t.status[application.status]}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t.applicationsWindow(
            formatDate(programme.applicationOpensAt),
            formatDate(programme.applicationClosesAt),
          )}
          {first ? ` · ${t.firstSession(formatDateTime(first.startsAt))}` : ''}
        </Text>
        <Text size="sm">
          {t.forStages(programme.audience.map((stage) => commonMessages.careerStages[stage]).join(', '))}
        </Text>
      </Stack>
    </Card>
  );
}

/** Programmes as cards, or a line saying there are none; each with the viewer's application when given. */
export function ProgrammeList({
  items,
  empty,
}: {
  items: Array<{ programme: ProgrammeSummaryFragment; application?: ApplicationFieldsFragment }>;
  empty: string;
}) {
  if (items.length === 0) return <Text>{empty}</Text>;
  return (
    <Stack gap="sm">
      {items.map(({ programme, application }) => (
        <ProgrammeCard key={programme.id} programme={programme} application={application} />
      ))}
    </Stack>
  );
}

/** Every programme by first session, or a community's and those sharing its interests, a page at a time. */
export function PagedProgrammes({ communityId = null }: { communityId?: string | null }) {
  const query = useQuery(ProgrammesDocument, { variables: { communityId } });
  return (
    <QueryState data={query.data} loading={query.loading} error={query.error}>
      {(data) => (
        <>
          <ProgrammeList
            items={nodes(data.programmes).map((programme) => ({ programme }))}
            empty={t.noProgrammes}
          />
          <ShowMore query={query} path={['programmes']} label={t.moreProgrammes} />
        </>
      )}
    </QueryState>
  );
}
