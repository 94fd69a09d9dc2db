import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useId, useState, type ReactNode } from 'react';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { confirmationMessages as t } from './messages';

export type RequestStatus = keyof typeof t.status;

/** The server refused because the request was decided meanwhile (another lead or an admin was first). */
function decidedElsewhere(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'FAILED_PRECONDITION')
  );
}

const MAX_REASON = 500;

export function reasonProblem(reason: string): string | null {
  const length = reason.trim().length;
  return length === 0 || length > MAX_REASON ? t.reasonRequired : null;
}

/**
 * One request to confirm (a registration, an institution move, a career stage change): what it asks, then confirm,
 * or reject with a reason the member sees. The decision's answer updates the card through the cache (its status);
 * when someone else decided first, the server's answer is shown here and the buttons go, so two leads acting at
 * once each see one clear outcome.
 */
export function DecisionCard({
  name,
  status,
  reason,
  children,
  onConfirm,
  onReject,
}: {
  name: string;
  status: RequestStatus;
  reason: string | null | undefined;
  children: ReactNode;
  onConfirm: () => Promise<unknown>;
  onReject: (reason: string) => Promise<unknown>;
}) {
  const headingId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [settled, setSettled] = useState(false);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: reasonProblem } });

  const failed = (error: unknown) => {
    if (decidedElsewhere(error)) setSettled(true);
    setProblem(messageOf(error));
  };
  const confirm = async () => {
    setProblem(null);
    setConfirming(true);
    try {
      await onConfirm();
      notifications.show({ color: 'green', message: t.confirmed(name) });
    } catch (error) {
      failed(error);
    } finally {
      setConfirming(false);
    }
  };
  const reject = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await onReject(values.reason.trim());
      notifications.show({ color: 'green', message: t.rejected(name) });
      setRejecting(false);
    } catch (error) {
      if (!showFieldErrors(form, error, { prefix: '' })) failed(error);
    }
  }, focusFirstError);

  const open = status === 'PENDING' && !settled;
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {name}
          </Title>
          <Badge
            variant="light"
            color={status === 'CONFIRMED' ? 'green' : status === 'PENDING' ? 'yellow' : 'gray'}
          >
            {t.status[status]}
          </Badge>
        </Group>
        {children}
        {status === 'REJECTED' && reason && <Text size="sm">{t.rejectedBecause(reason)}</Text>}
        <FormProblem problem={problem} />
        {open && !rejecting && (
          <Group gap="xs">
            <Button loading={confirming} aria-label={t.confirmNamed(name)} onClick={() => void confirm()}>
              {t.confirm}
            </Button>
            <Button
              variant="outline"
              color="red"
              disabled={confirming}
              aria-label={t.rejectNamed(name)}
              onClick={() => setRejecting(true)}
            >
              {t.reject}
            </Button>
          </Group>
        )}
        {open && rejecting && (
          <form onSubmit={reject} noValidate aria-label={t.rejectNamed(name)}>
            <Stack gap="xs">
              <Textarea
                label={t.reason}
                description={t.reasonHint}
                required
                autoFocus
                rows={2}
                maxLength={MAX_REASON}
                {...form.getInputProps('reason')}
              />
              <Group gap="xs">
                <Button type="submit" color="red" loading={form.submitting}>
                  {t.sendRejection}
                </Button>
                <Button variant="subtle" disabled={form.submitting} onClick={() => setRejecting(false)}>
                  {t.cancel}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
