import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { nodes } from '../../lib/connection';
import { fieldErrorsOf, messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { communityMessages as t } from './messages';
import { ProgrammeAttendeesDocument, RecordAttendanceDocument } from './operations';

/** How long after a session ends organisers may still record its register (the service's rule). */
export const LATE_RECORDING_DAYS = 7;
const DAY_MS = 86_400_000;

export type RegisterSession = {
  id: string;
  position: number;
  theme: string;
  startsAt: string;
  endsAt: string;
};

/** Where a session's register window stands now: before its start, open, or closed 7 days after its end. */
export function registerWindow(session: RegisterSession, now: number) {
  const opens = Date.parse(session.startsAt);
  const closes = Date.parse(session.endsAt) + LATE_RECORDING_DAYS * DAY_MS;
  const state = now < opens ? 'notYet' : now > closes ? 'closed' : 'open';
  return { state, opens: new Date(opens).toISOString(), closes: new Date(closes).toISOString() } as const;
}

/**
 * The organisers' register for one session: the programme's accepted attendees, a checkbox each, saved in one call
 * (`recordAttendance`, all or nothing; sending someone already recorded again is harmless). The window (from the
 * session's start until 7 days after its end) is explained; the service decides, and its refusal is shown.
 */
export function AttendanceRegister({
  programmeId,
  sessions,
  now = Date.now,
}: {
  programmeId: string;
  sessions: readonly RegisterSession[];
  now?: () => number;
}) {
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const attendees = useQuery(ProgrammeAttendeesDocument, {
    variables: { programmeId },
    fetchPolicy: 'cache-and-network',
  });
  const [record] = useMutation(RecordAttendanceDocument);
  const form = useForm<{ memberIds: string[] }>({
    initialValues: { memberIds: [] },
    validate: { memberIds: (value) => (value.length > 0 ? null : t.register.pickSomeone) },
  });
  const session = sessions.find((item) => item.id === sessionId);
  if (!session) return <Text size="sm">{t.register.noSessions}</Text>;
  const span = registerWindow(session, now());
  const choose = (id: string) => {
    setSessionId(id);
    setOutcome(null);
    setProblem(null);
    form.reset();
  };
  const submit = form.onSubmit(async ({ memberIds }) => {
    setProblem(null);
    setOutcome(null);
    try {
      const { data } = await record({ variables: { sessionId: session.id, memberIds } });
      if (data)
        setOutcome(
          t.register.saved(
            data.recordAttendance.recorded.length,
            data.recordAttendance.alreadyRecorded.length,
          ),
        );
    } catch (error) {
      // the server names memberIds (or memberIds[3]): the register is the one field
      if (!nameRegisterError(form, error)) setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="register-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="register-title">
          {t.register.title}
        </Title>
        <NativeSelect
          label={t.register.session}
          value={session.id}
          onChange={(event) => choose(event.currentTarget.value)}
          data={sessions.map((item) => ({
            value: item.id,
            label: t.register.sessionOption(item.position, item.theme, formatDateTime(item.startsAt)),
          }))}
        />
        <Text size="sm" id="register-window">
          {t.register.window(LATE_RECORDING_DAYS)}{' '}
          {span.state === 'notYet'
            ? t.register.notYet(formatDateTime(span.opens))
            : span.state === 'closed'
              ? t.register.closed(formatDateTime(span.closes))
              : t.register.openUntil(formatDateTime(span.closes))}
        </Text>
        <FormProblem problem={problem} />
        <QueryState data={attendees.data} loading={attendees.loading} error={attendees.error}>
          {(data) =>
            data.programmeApplications.totalCount === 0 ? (
              <Text size="sm">{t.register.noAttendees}</Text>
            ) : (
              <Stack gap="xs">
                <Checkbox.Group
                  label={t.register.whoAttended(data.programmeApplications.totalCount)}
                  description={t.register.whoAttendedHint}
                  {...form.getInputProps('memberIds')}
                  onChange={(value) => {
                    setOutcome(null);
                    form.setFieldValue('memberIds', value);
                  }}
                >
                  <Stack gap={6} mt={6}>
                    {nodes(data.programmeApplications).map((application) => (
                      <Checkbox
                        key={application.member.id}
                        value={application.member.id}
                        label={application.member.displayName}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
                <ShowMore
                  query={attendees}
                  path={['programmeApplications']}
                  label={t.register.moreAttendees}
                />
                <Group>
                  <Button
                    variant="subtle"
                    onClick={() =>
                      form.setFieldValue(
                        'memberIds',
                        nodes(data.programmeApplications).map((application) => application.member.id),
                      )
                    }
                  >
                    {t.register.markAll}
                  </Button>
                  <Button type="submit" loading={form.submitting} aria-describedby="register-window">
                    {form.submitting ? t.register.saving : t.register.save(form.values.memberIds.length)}
                  </Button>
                </Group>
              </Stack>
            )
          }
        </QueryState>
        {outcome && (
          <Alert color="green" role="status">
            {outcome}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** A field error on one name of the register (`memberIds[3]`) shown on the register as a whole. */
function nameRegisterError(
  form: { setFieldError: (path: 'memberIds', error: string) => void },
  error: unknown,
): boolean {
  const problem = fieldErrorsOf(error, { prefix: '', fields: { memberIds: 'memberIds' } }).memberIds;
  if (!problem) return false;
  form.setFieldError('memberIds', problem);
  return true;
}
