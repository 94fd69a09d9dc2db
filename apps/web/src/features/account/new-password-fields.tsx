import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { accountMessages as t } from './messages';

/** The new password and its confirmation, as the change and reset forms ask for them. */
export function NewPasswordFields<V extends { newPassword: string; confirmPassword: string }>({
  form,
}: {
  form: UseFormReturnType<V>;
}) {
  return (
    <>
      {(['newPassword', 'confirmPassword'] as const).map((name) => (
        <PasswordInput
          key={name}
          label={name === 'newPassword' ? t.newPassword : t.confirmPassword}
          description={name === 'newPassword' ? t.passwordHint : undefined}
          autoComplete="new-password"
          required
          {...form.getInputProps(name)}
          // Mantine's PasswordInput leaves aria-invalid off its inner input
          aria-invalid={Boolean(form.errors[name])}
        />
      ))}
    </>
  );
}
