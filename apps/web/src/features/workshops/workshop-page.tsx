import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { WorkshopQuery } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { commonMessages } from '../../lib/messages';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { useSession } from '../../session/session-context';
import { ActionPlanSection, CoachingRequestForm, CoachingRequests, StudentPlan } from './coaching';
import { EnrolmentButton } from './enrolment-button';
import { workshopMessages as t } from './messages';
import { MarkWorkshopHeldDocument, WorkshopDocument } from './operations';
import { WorkshopSummary } from './workshop-summary';

type Workshop = WorkshopQuery['coachingWorkshop'];

/** The coach's view: who is enrolled and who waits, in order; marking the workshop held once it started. */
function CoachView({ workshop, admin = false }: { workshop: Workshop; admin?: boolean }) {
  const [markHeld, marking] = useMutation(MarkWorkshopHeldDocument);
  const [now] = useState(() => Date.now());
  const started = Date.parse(workshop.startsAt) <= now;
  const mark = async () => {
    try {
      await markHeld({ variables: { id: workshop.id } });
      notifications.show({ color: 'green', message: t.markedHeld });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Section id="coach-view" title={t.coachView}>
      {workshop.enrolments.length === 0 ? (
        <Text size="sm">{t.noEnrolments}</Text>
      ) : (
        <Table aria-label={t.students}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.columns.student}</Table.Th>
              <Table.Th scope="col">{t.columns.stage}</Table.Th>
              <Table.Th scope="col">{t.columns.place}</Table.Th>
              <Table.Th scope="col">{t.columns.plan}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {workshop.enrolments.map((enrolment) => (
              <Table.Tr key={enrolment.member.id}>
                <Table.Th scope="row">{enrolment.member.displayName}</Table.Th>
                <Table.Td>{commonMessages.careerStages[enrolment.member.careerStage]}</Table.Td>
                <Table.Td>
                  {t.place[enrolment.status]}
                  {enrolment.waitlistPosition ? `, ${t.position(enrolment.waitlistPosition)}` : ''}
                </Table.Td>
                <Table.Td>
                  {enrolment.status === 'ENROLLED' && (
                    <StudentPlan workshopId={workshop.id} student={enrolment.member} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!admin && (
        <>
          <Title order={3} size="h4" mt="md" mb="xs">
            {t.requestsTitle}
          </Title>
          <CoachingRequests workshopId={workshop.id} coach />
        </>
      )}
      {started && !workshop.heldAt && (
        <Group mt="sm">
          <Button loading={marking.loading} onClick={() => void mark()}>
            {t.markHeld}
          </Button>
        </Group>
      )}
    </Section>
  );
}

export default function WorkshopPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const query = useQuery(WorkshopDocument, { variables: { id } });
  return (
    <Page title={query.data?.coachingWorkshop.title ?? t.title}>
      <Anchor component={Link} to="/mentoring/workshops">
        {t.back}
      </Anchor>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {({ coachingWorkshop: workshop }) => (
          <Stack gap="lg">
            <WorkshopSummary workshop={workshop} />
            <EnrolmentButton workshop={workshop} />
            {workshop.myEnrolment?.status === 'ENROLLED' && (
              <>
                <ActionPlanSection workshopId={workshop.id} />
                <Section id="ask-coach" title={t.askCoach}>
                  <Stack gap="md">
                    <CoachingRequestForm workshopId={workshop.id} />
                    <Title order={3} size="h4">
                      {t.requestsTitle}
                    </Title>
                    <CoachingRequests workshopId={workshop.id} coach={false} />
                  </Stack>
                </Section>
              </>
            )}
            {workshop.coach.id === session.member?.id && <CoachView workshop={workshop} />}
            {workshop.coach.id !== session.member?.id && session.hasRole('ADMIN') && (
              <CoachView workshop={workshop} admin />
            )}
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
