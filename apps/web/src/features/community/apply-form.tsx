import { Button, Radio, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { WideningParticipationAnswer, WideningParticipationInput } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { communityMessages as t } from './messages';
import { ApplyToProgrammeDocument, MyApplicationsDocument, ProgrammeDocument } from './operations';

const QUESTIONS = Object.keys(t.wp) as (keyof typeof t.wp)[];
const ANSWERS = Object.keys(t.wpAnswers) as WideningParticipationAnswer[];
export const MAX_MOTIVATION = 2000;

type Values = { motivation: string } & Record<keyof typeof t.wp, WideningParticipationAnswer | ''>;

/** The application: a motivation, and the optional widening-participation questions, each with "prefer not to say". */
export function ApplyForm({ programmeId }: { programmeId: string }) {
  const [apply] = useMutation(ApplyToProgrammeDocument, {
    refetchQueries: [{ query: ProgrammeDocument, variables: { id: programmeId } }, MyApplicationsDocument],
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      motivation: '',
      ...(Object.fromEntries(QUESTIONS.map((question) => [question, ''])) as Record<keyof typeof t.wp, ''>),
    },
    validate: {
      motivation: (value) =>
        !value.trim() ? t.required : value.length > MAX_MOTIVATION ? t.motivationTooLong : null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const wideningParticipation: WideningParticipationInput = {};
    for (const question of QUESTIONS)
      if (values[question]) wideningParticipation[question] = values[question];
    try {
      await apply({
        variables: { programmeId, input: { motivation: values.motivation.trim(), wideningParticipation } },
      });
      setApplied(true);
    } catch (error) {
      if (!showFieldErrors(form, error)) setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="apply">
      <Stack>
        <Title order={2} size="h3" id="apply">
          {t.applyTitle}
        </Title>
        <FormProblem problem={problem} />
        {applied && <Text role="status">{t.applied}</Text>}
        <Textarea
          label={t.motivation}
          description={t.motivationHint}
          required
          rows={4}
          maxLength={MAX_MOTIVATION}
          {...form.getInputProps('motivation')}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-describedby="wp-privacy">
          <legend>
            <Text fw={600}>{t.wpTitle}</Text>
          </legend>
          <Text size="sm" id="wp-privacy" mb="sm">
            {t.wpPrivacy}
          </Text>
          <Stack gap="sm">
            {QUESTIONS.map((question) => (
              <Radio.Group key={question} label={t.wp[question]} {...form.getInputProps(question)}>
                <Group gap="md" mt={4}>
                  {ANSWERS.map((answer) => (
                    <Radio key={answer} value={answer} label={t.wpAnswers[answer]} />
                  ))}
                </Group>
              </Radio.Group>
            ))}
          </Stack>
        </fieldset>
        <div>
          <Button type="submit" loading={form.submitting}>
            {t.apply}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
