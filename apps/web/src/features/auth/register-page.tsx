import { Anchor, Button, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CareerStage } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { commonMessages } from '../../lib/messages';
import { FormProblem } from '../../lib/form-problem';
import { InstitutionPicker } from '../../lib/institution-picker';
import { Page } from '../../lib/page';
import { useSession } from '../../session/session-context';
import { CredentialsFields } from './credentials-fields';
import { authMessages as t } from './messages';
import { emailProblem, passwordProblem, requiredProblem } from './validation';

export const CAREER_STAGE_OPTIONS = Object.entries(commonMessages.careerStages).map(([value, label]) => ({
  value,
  label,
}));

export interface RegisterValues {
  email: string;
  password: string;
  displayName: string;
  careerStage: string | null;
  institutionId: string | null;
  specialty: string;
  interests: string[];
}

export function useRegisterForm() {
  return useForm<RegisterValues>({
    initialValues: {
      email: '',
      password: '',
      displayName: '',
      careerStage: null,
      institutionId: null,
      specialty: '',
      interests: [],
    },
    validate: {
      email: emailProblem,
      password: passwordProblem,
      displayName: requiredProblem,
      careerStage: requiredProblem,
      institutionId: requiredProblem,
    },
  });
}

export default function RegisterPage() {
  const session = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useRegisterForm();
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await session.register({
        email: values.email.trim(),
        password: values.password,
        displayName: values.displayName.trim(),
        careerStage: values.careerStage as CareerStage,
        institutionId: values.institutionId ?? '',
        specialty: values.specialty.trim() || null,
        interests: values.interests,
      });
    } catch (error) {
      if (!showFieldErrors(form, error)) setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <Page title={t.registerTitle} intro={t.registerIntro} width={520}>
      <form onSubmit={submit} noValidate aria-label={t.registerTitle}>
        <Stack>
          <FormProblem problem={problem} />
          <CredentialsFields form={form} newPassword />
          <TextInput
            label={t.displayName}
            description={t.displayNameHint}
            autoComplete="name"
            required
            {...form.getInputProps('displayName')}
          />
          <Select
            label={t.careerStage}
            data={CAREER_STAGE_OPTIONS}
            required
            {...form.getInputProps('careerStage')}
          />
          <InstitutionPicker
            label={t.institution}
            description={t.institutionHint}
            nothingFound={t.noInstitutions}
            required
            {...form.getInputProps('institutionId')}
            onChange={(value) => form.setFieldValue('institutionId', value)}
          />
          <TextInput label={t.specialty} description={t.specialtyHint} {...form.getInputProps('specialty')} />
          <TagsInput label={t.interests} description={t.interestsHint} {...form.getInputProps('interests')} />
          <Button type="submit" loading={form.submitting}>
            {t.register}
          </Button>
          <Text size="sm">
            {t.haveAccount}{' '}
            <Anchor component={Link} to="/sign-in">
              {t.signInLink}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Page>
  );
}
