import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '../../lib/errors';
import { focusFirstError } from '../../lib/forms';
import { FormProblem } from '../../lib/form-problem';
import { Page } from '../../lib/page';
import { useSession } from '../../session/session-context';
import { CredentialsFields } from './credentials-fields';
import { authMessages as t } from './messages';
import { accountMessages } from '../account/messages';
import { emailProblem } from './validation';

export default function SignInPage() {
  const session = useSession();
  const [search] = useSearchParams();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: emailProblem,
      password: (value) => (value ? null : t.required),
    },
  });
  const submit = form.onSubmit(async ({ email, password }) => {
    setProblem(null);
    try {
      await session.signIn(email.trim(), password);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }, focusFirstError);
  const next = search.get('next');
  return (
    <Page title={t.signInTitle} intro={t.signInIntro} width={420}>
      <form onSubmit={submit} noValidate aria-label={t.signInTitle}>
        <Stack>
          <FormProblem problem={problem} />
          <CredentialsFields form={form} />
          <Button type="submit" loading={form.submitting}>
            {t.signIn}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {accountMessages.forgotLink}
          </Anchor>
          <Text size="sm">
            {t.noAccount}{' '}
            <Anchor component={Link} to={next ? `/register?next=${encodeURIComponent(next)}` : '/register'}>
              {t.registerLink}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Page>
  );
}
