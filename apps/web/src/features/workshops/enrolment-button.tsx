import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { WorkshopFieldsFragment } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { useSession } from '../../session/session-context';
import { workshopMessages as t } from './messages';
import {
  EnrolInWorkshopDocument,
  UpcomingWorkshopsDocument,
  WithdrawFromWorkshopDocument,
  WorkshopDocument,
} from './operations';

/**
 * Enrol (or join the waiting list when full), or leave; the outcome is announced in words. Nothing for the
 * workshop's coach: they run it, they do not take a place in it.
 */
export function EnrolmentButton({ workshop }: { workshop: WorkshopFieldsFragment }) {
  const session = useSession();
  const refetchQueries = [
    UpcomingWorkshopsDocument,
    { query: WorkshopDocument, variables: { id: workshop.id } },
  ];
  const [enrol, enrolling] = useMutation(EnrolInWorkshopDocument, { refetchQueries });
  const [withdraw, withdrawing] = useMutation(WithdrawFromWorkshopDocument, { refetchQueries });
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const mine = workshop.myEnrolment;
  const full = workshop.enrolledCount >= workshop.capacity;
  const act = async () => {
    try {
      if (mine) {
        await withdraw({ variables: { id: workshop.id } });
        setOutcome({ text: t.left, failed: false });
      } else {
        const { data } = await enrol({ variables: { id: workshop.id } });
        const enrolment = data?.enrolInWorkshop;
        setOutcome({
          text:
            enrolment?.status === 'WAITLISTED' ? t.waitlisted(enrolment.waitlistPosition ?? 0) : t.enrolled,
          failed: false,
        });
      }
    } catch (error) {
      setOutcome({ text: messageOf(error), failed: true });
    }
  };
  const label = mine
    ? mine.status === 'WAITLISTED'
      ? t.leaveWaitlist
      : t.leave
    : full
      ? t.joinWaitlist
      : t.enrol;
  if (workshop.coach.id === session.member?.id) return null;
  return (
    <Group gap="sm">
      {!workshop.heldAt && (
        <Button
          variant={mine ? 'outline' : 'filled'}
          loading={enrolling.loading || withdrawing.loading}
          onClick={() => void act()}
          aria-label={`${label}: ${workshop.title}`}
        >
          {label}
        </Button>
      )}
      {outcome && (
        <Text size="sm" role={outcome.failed ? 'alert' : 'status'} c={outcome.failed ? 'red.9' : undefined}>
          {outcome.text}
        </Text>
      )}
    </Group>
  );
}
