import { Badge, Group, Text } from '@mantine/core';
import type { WorkshopFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { workshopMessages as t } from './messages';

/** A workshop's coach, time, places and the viewer's enrolment. */
export function WorkshopSummary({ workshop }: { workshop: WorkshopFieldsFragment }) {
  return (
    <>
      <Text size="sm">
        {t.coach(workshop.coach.displayName)} ·{' '}
        {t.when(formatDateTime(workshop.startsAt), workshop.durationMinutes)}
      </Text>
      <Text size="sm">
        {t.forStages(workshop.eligibleStages.map((stage) => commonMessages.careerStages[stage]).join(', '))}
      </Text>
      <Group gap="xs">
        <Badge variant="light" color="gray">
          {t.places(workshop.enrolledCount, workshop.capacity)}
        </Badge>
        {workshop.waitlistCount > 0 && (
          <Badge variant="light" color="gray">
            {t.waiting(workshop.waitlistCount)}
          </Badge>
        )}
        {workshop.heldAt && <Badge variant="light">{t.held}</Badge>}
        {workshop.myEnrolment && (
          <Badge variant="light" color={workshop.myEnrolment.status === 'ENROLLED' ? 'green' : 'yellow'}>
            {t.status[workshop.myEnrolment.status]}
            {workshop.myEnrolment.waitlistPosition
              ? `, ${t.position(workshop.myEnrolment.waitlistPosition)}`
              : ''}
          </Badge>
        )}
      </Group>
    </>
  );
}
