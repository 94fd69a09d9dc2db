import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { Page } from '../../lib/page';
import { useSession } from '../../session/session-context';
import { accountMessages as t } from './messages';
import { NewPasswordFields } from './new-password-fields';
import { ResetPasswordDocument } from './operations';
import { confirmationProblem, newPasswordProblem } from './validation';

/** Opened from the reset link (`/reset-password?token=…`), signed in or not: every session ends on success. */
export default function ResetPasswordPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const session = useSession();
  const navigate = useNavigate();
  const [reset] = useMutation(ResetPasswordDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: { newPassword: newPasswordProblem, confirmPassword: confirmationProblem },
  });
  const submit = form.onSubmit(async ({ newPassword }) => {
    setProblem(null);
    try {
      await reset({ variables: { input: { token, newPassword } } });
      await session.forget();
      notifications.show({ color: 'green', message: t.resetDone });
      void navigate('/sign-in');
    } catch (error) {
      if (!showFieldErrors(form, error)) setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <Page title={t.resetTitle} intro={t.resetIntro} width={420}>
      {token ? (
        <form onSubmit={submit} noValidate aria-label={t.resetTitle}>
          <Stack>
            <FormProblem problem={problem} />
            <NewPasswordFields form={form} />
            <Button type="submit" loading={form.submitting}>
              {t.setPassword}
            </Button>
          </Stack>
        </form>
      ) : (
        <Alert color="yellow" role="alert">
          {t.noToken}
        </Alert>
      )}
      {problem && (
        <Anchor component={Link} to="/forgot-password">
          {t.askAgain}
        </Anchor>
      )}
    </Page>
  );
}
