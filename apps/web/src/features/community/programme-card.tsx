import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ApplicationFieldsFragment, ProgrammeSummaryFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { communityMessages as t } from './messages';

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
  programmes,
  empty,
  applications,
}: {
  programmes: ProgrammeSummaryFragment[];
  empty: string;
  applications?: Map<string, ApplicationFieldsFragment>;
}) {
  if (programmes.length === 0) return <Text>{empty}</Text>;
  return (
    <Stack gap="sm">
      {programmes.map((programme) => (
        <ProgrammeCard
          key={programme.id}
          programme={programme}
          application={applications?.get(programme.id)}
        />
      ))}
    </Stack>
  );
}
