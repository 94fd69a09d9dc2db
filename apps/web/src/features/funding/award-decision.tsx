import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { AwardAction } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { fundingMessages as t } from './messages';
import { AcceptAwardDocument, AwardDocument, DeclineAwardDocument, MyAwardsDocument } from './operations';

/** Accept or decline an offered award: shown only when the service lists the action for the caller (the PI). */
export function AwardDecision({ awardId, actions }: { awardId: string; actions: readonly AwardAction[] }) {
  const refetchQueries = [MyAwardsDocument, AwardDocument];
  const [accept, accepting] = useMutation(AcceptAwardDocument, { refetchQueries });
  const [decline, declining] = useMutation(DeclineAwardDocument, { refetchQueries });
  const [declineOpen, setDeclineOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!actions.includes('ACCEPT') && !actions.includes('DECLINE')) return null;
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifications.show({ color: 'green', message: done });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Stack gap="xs">
      <Group>
        {actions.includes('ACCEPT') && (
          <Button
            loading={accepting.loading}
            onClick={() => void run(() => accept({ variables: { id: awardId } }), t.accepted)}
          >
            {t.accept}
          </Button>
        )}
        {actions.includes('DECLINE') && !declineOpen && (
          <Button variant="default" onClick={() => setDeclineOpen(true)}>
            {t.decline}
          </Button>
        )}
      </Group>
      {declineOpen && (
        <Stack gap="xs">
          <Textarea
            label={t.declineReason}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autoFocus
          />
          <Group>
            <Button
              color="red"
              loading={declining.loading}
              onClick={() =>
                void run(
                  () => decline({ variables: { id: awardId, input: { reason: reason.trim() || null } } }),
                  t.declined,
                )
              }
            >
              {t.confirmDecline}
            </Button>
            <Button variant="default" onClick={() => setDeclineOpen(false)}>
              {t.cancel}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
