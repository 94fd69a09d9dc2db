import { PasswordInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { authMessages as t } from './messages';

/** The e-mail address a member signs in with (also asked for a password reset). */
export function EmailField<V extends { email: string }>({ form }: { form: UseFormReturnType<V> }) {
  return (
    <TextInput label={t.email} type="email" autoComplete="email" required {...form.getInputProps('email')} />
  );
}

/** E-mail and password, as sign-in and registration ask for them (autocomplete tells password managers which). */
export function CredentialsFields<V extends { email: string; password: string }>({
  form,
  newPassword = false,
}: {
  form: UseFormReturnType<V>;
  newPassword?: boolean;
}) {
  return (
    <>
      <EmailField form={form} />
      <PasswordInput
        label={t.password}
        description={newPassword ? t.passwordHint : undefined}
        autoComplete={newPassword ? 'new-password' : 'current-password'}
        required
        {...form.getInputProps('password')}
        // Mantine's PasswordInput leaves aria-invalid off its inner input
        aria-invalid={Boolean(form.errors.password)}
      />
    </>
  );
}
