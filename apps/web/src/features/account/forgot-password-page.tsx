import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError } from '../../lib/forms';
import { Page } from '../../lib/page';
import { EmailField } from '../auth/credentials-fields';
import { emailProblem } from '../auth/validation';
import { accountMessages as t } from './messages';
import { RequestPasswordResetDocument } from './operations';

export default function ForgotPasswordPage() {
  const [request] = useMutation(RequestPasswordResetDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const form = useForm({ initialValues: { email: '' }, validate: { email: emailProblem } });
  const submit = form.onSubmit(async ({ email }) => {
    setProblem(null);
    try {
      await request({ variables: { email: email.trim() } });
      setSent(true);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <Page title={t.forgotTitle} intro={t.forgotIntro} width={420}>
      {sent ? (
        <Text role="status">{t.linkSent}</Text>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t.forgotTitle}>
          <Stack>
            <FormProblem problem={problem} />
            <EmailField form={form} />
            <Button type="submit" loading={form.submitting}>
              {t.sendLink}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in">
        {t.backToSignIn}
      </Anchor>
    </Page>
  );
}
