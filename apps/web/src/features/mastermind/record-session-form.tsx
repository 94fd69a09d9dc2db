import { Button, Checkbox, Group, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { messageOf, type FieldMap } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { mastermindMessages as t } from './messages';
import { MastermindGroupDocument, RecordMastermindSessionDocument } from './operations';

interface Person {
  id: string;
  displayName: string;
}

export interface RecordSessionValues {
  heldAt: string;
  attendeeIds: string[];
  resources: string[];
  referrals: string[];
  nextSteps: Record<string, string>;
}

export function recordSessionValidation(today: string) {
  return {
    heldAt: (value: string) => (!value ? t.required : value > today ? t.required : null),
    attendeeIds: (value: string[]) => (value.length > 0 ? null : t.pickAttendees),
  };
}

/** The next steps written for the attendees, in the order the API takes them. */
function writtenNextSteps(values: RecordSessionValues): Array<{ memberId: string; text: string }> {
  return values.attendeeIds
    .filter((memberId) => values.nextSteps[memberId]?.trim())
    .map((memberId) => ({ memberId, text: values.nextSteps[memberId].trim() }));
}

/** The facilitator records a session: when, who came, what was shared, and each attendee's next step. */
export function RecordSessionForm({ groupId, people }: { groupId: string; people: Person[] }) {
  const [record] = useMutation(RecordMastermindSessionDocument, {
    refetchQueries: [{ query: MastermindGroupDocument, variables: { id: groupId } }],
  });
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm<RecordSessionValues>({
    initialValues: { heldAt: today, attendeeIds: [], resources: [], referrals: [], nextSteps: {} },
    validate: recordSessionValidation(today),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const heldAt = values.heldAt === today ? new Date().toISOString() : `${values.heldAt}T12:00:00.000Z`;
      await record({
        variables: {
          groupId,
          input: {
            heldAt,
            attendeeIds: values.attendeeIds,
            resources: values.resources,
            referrals: values.referrals,
            nextSteps: writtenNextSteps(values),
          },
        },
      });
      form.reset();
      notifications.show({ color: 'green', message: t.recorded });
    } catch (error) {
      // the API lists the next steps written; the form keeps them by attendee
      const nextStepFields: FieldMap = Object.fromEntries(
        writtenNextSteps(values).map((step, index) => [`nextSteps.${index}`, `nextSteps.${step.memberId}`]),
      );
      if (!showFieldErrors(form, error, { fields: nextStepFields }))
        notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="record-session">
      <Stack gap="xs">
        <Title order={2} size="h3" id="record-session">
          {t.recordTitle}
        </Title>
        <TextInput type="date" label={t.heldAt} max={today} required {...form.getInputProps('heldAt')} />
        <Checkbox.Group label={t.whoAttended} required {...form.getInputProps('attendeeIds')}>
          <Stack gap={4} mt={4}>
            {people.map((person) => (
              <Checkbox key={person.id} value={person.id} label={person.displayName} />
            ))}
          </Stack>
        </Checkbox.Group>
        {people
          .filter((person) => form.values.attendeeIds.includes(person.id))
          .map((person) => (
            <TextInput
              key={person.id}
              label={t.nextStepFor(person.displayName)}
              {...form.getInputProps(`nextSteps.${person.id}`)}
              value={form.values.nextSteps[person.id] ?? ''}
            />
          ))}
        <TagsInput label={t.resourcesField} description={t.listHint} {...form.getInputProps('resources')} />
        <TagsInput label={t.referralsField} description={t.listHint} {...form.getInputProps('referrals')} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.record}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
