import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CareerStage } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { toLocalInput } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { workshopMessages as t } from './messages';
import { CreateWorkshopDocument, UpcomingWorkshopsDocument } from './operations';

const STAGES = Object.keys(commonMessages.careerStages) as CareerStage[];

/** A junior resident schedules a workshop they coach (the service checks they graduated within five years). */
export function NewWorkshopForm() {
  const navigate = useNavigate();
  const [create] = useMutation(CreateWorkshopDocument, { refetchQueries: [UpcomingWorkshopsDocument] });
  const [problem, setProblem] = useState<string | null>(null);
  const [initialValues] = useState(() => ({
    title: '',
    startsAt: toLocalInput(new Date(Date.now() + 14 * 86_400_000)),
    durationMinutes: 120,
    capacity: 5,
    eligibleStages: ['MEDICAL_STUDENT'] as CareerStage[],
    coachGraduationYear: new Date().getFullYear() - 2,
  }));
  const form = useForm({
    initialValues,
    validate: {
      title: (value) => (value.trim() ? null : t.required),
      startsAt: (value) => (value ? null : t.required),
      eligibleStages: (value) => (value.length > 0 ? null : t.stageNeeded),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const { data } = await create({
        variables: {
          input: { ...values, title: values.title.trim(), startsAt: new Date(values.startsAt).toISOString() },
        },
      });
      notifications.show({ color: 'green', message: t.workshopCreated });
      if (data) void navigate(`/mentoring/workshops/${data.createCoachingWorkshop.id}`);
    } catch (error) {
      if (!showFieldErrors(form, error)) setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label={t.newWorkshopTitle}>
      <Stack gap="sm">
        <FormProblem problem={problem} />
        <TextInput label={t.workshopTitle} required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label={t.startsAt} {...form.getInputProps('startsAt')} />
          <NumberInput
            label={t.graduationYear}
            description={t.graduationYearHint}
            allowDecimal={false}
            {...form.getInputProps('coachGraduationYear')}
          />
          <NumberInput
            label={t.duration}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
          />
          <NumberInput label={t.capacity} min={1} allowDecimal={false} {...form.getInputProps('capacity')} />
        </SimpleGrid>
        <Checkbox.Group label={t.eligibleStages} {...form.getInputProps('eligibleStages')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} spacing={4}>
            {STAGES.map((stage) => (
              <Checkbox key={stage} value={stage} label={commonMessages.careerStages[stage]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.createWorkshop}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
