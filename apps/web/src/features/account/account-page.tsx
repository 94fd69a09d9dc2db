import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { Page } from '../../lib/page';
import { useSession } from '../../session/session-context';
import { accountMessages as t } from './messages';
import { NewPasswordFields } from './new-password-fields';
import { ChangePasswordDocument } from './operations';
import { confirmationProblem, newPasswordProblem } from './validation';

export function ChangePasswordForm() {
  const [changePassword] = useMutation(ChangePasswordDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t.required),
      newPassword: (value, values) =>
        newPasswordProblem(value) ?? (value === values.currentPassword ? t.sameAsCurrent : null),
      confirmPassword: confirmationProblem,
    },
  });
  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setProblem(null);
    setDone(null);
    try {
      const { data } = await changePassword({ variables: { input: { currentPassword, newPassword } } });
      form.reset();
      setDone(t.passwordChanged(data?.changePassword ?? 0));
    } catch (error) {
      if (!showFieldErrors(form, error)) setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <Card withBorder component="section" aria-labelledby="change-password">
      <form onSubmit={submit} noValidate aria-labelledby="change-password">
        <Stack>
          <Title order={2} size="h3" id="change-password">
            {t.changePasswordTitle}
          </Title>
          <Text size="sm">{t.changePasswordHint}</Text>
          <FormProblem problem={problem} />
          {done && (
            <Text role="status" c="green.9">
              {done}
            </Text>
          )}
          <PasswordInput
            label={t.currentPassword}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
            aria-invalid={Boolean(form.errors.currentPassword)}
          />
          <NewPasswordFields form={form} />
          <div>
            <Button type="submit" loading={form.submitting}>
              {t.changePassword}
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}

function SignOutEverywhere() {
  const session = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const signOutEverywhere = async () => {
    setBusy(true);
    try {
      await session.signOutEverywhere();
      void navigate('/sign-in');
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
      setBusy(false);
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="sign-out-everywhere">
      <Stack>
        <Title order={2} size="h3" id="sign-out-everywhere">
          {t.everywhereTitle}
        </Title>
        <Text size="sm">{t.everywhereHint}</Text>
        <div>
          <Button color="red" variant="outline" loading={busy} onClick={() => void signOutEverywhere()}>
            {t.everywhere}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}

export default function AccountPage() {
  return (
    <Page title={t.title} intro={t.intro} width={640}>
      <ChangePasswordForm />
      <SignOutEverywhere />
    </Page>
  );
}
