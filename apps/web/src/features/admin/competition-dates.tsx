import { Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { CompetitionFieldsFragment } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { toLocalInput } from '../../lib/format';
import { adminMessages as t } from './messages';
import { UpdateCompetitionDatesDocument } from './operations';

type DateField = 'opensAt' | 'closesAt' | 'judgingEndsAt';
const FIELDS: readonly DateField[] = ['opensAt', 'closesAt', 'judgingEndsAt'];

/**
 * A competition's dates, changed by an admin: in DRAFT or OPEN any of the three (closing the call early is how
 * judging can start before the planned close), in JUDGING the end of judging only; none after that. A date left
 * as it was is sent exactly as the server has it (the field shows minutes, the server keeps seconds).
 */
export function CompetitionDates({
  competition,
}: {
  competition: Pick<CompetitionFieldsFragment, 'id' | 'phase' | DateField>;
}) {
  const [update] = useMutation(UpdateCompetitionDatesDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const judging = competition.phase === 'JUDGING';
  const form = useForm<Record<DateField, string>>({
    initialValues: {
      opensAt: toLocalInput(new Date(competition.opensAt)),
      closesAt: toLocalInput(new Date(competition.closesAt)),
      judgingEndsAt: toLocalInput(new Date(competition.judgingEndsAt)),
    },
    validate: Object.fromEntries(
      FIELDS.map((field) => [field, (value: string) => (value ? null : t.required)]),
    ),
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const input = Object.fromEntries(
      FIELDS.map((field) => [
        field,
        form.isDirty(field) ? new Date(values[field]).toISOString() : competition[field],
      ]),
    ) as Record<DateField, string>;
    try {
      await update({ variables: { id: competition.id, input } });
      form.resetDirty();
      notifications.show({ color: 'green', message: t.datesSaved });
    } catch (error) {
      if (!showFieldErrors(form, error, { wording: t.dateRules })) setProblem(messageOf(error));
    }
  }, focusFirstError);
  if (competition.phase !== 'DRAFT' && competition.phase !== 'OPEN' && !judging) return null;
  const f = t.fields;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="dates">
      <Stack gap="xs">
        <Title order={2} size="h3" id="dates">
          {t.datesTitle}
        </Title>
        <Text size="sm">{judging ? t.datesJudging : t.datesOpen}</Text>
        <FormProblem problem={problem} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="datetime-local"
            label={f.opensAt}
            disabled={judging}
            {...form.getInputProps('opensAt')}
          />
          <TextInput
            type="datetime-local"
            label={f.closesAt}
            disabled={judging}
            {...form.getInputProps('closesAt')}
          />
          <TextInput type="datetime-local" label={f.judgingEndsAt} {...form.getInputProps('judgingEndsAt')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="outline" loading={form.submitting}>
            {t.saveDates}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
