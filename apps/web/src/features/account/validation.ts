import { accountMessages as t } from './messages';

/**
 * The password rules the server applies (length, a letter and a digit), checked here only to spare a round trip;
 * the strength estimate stays on the server, which names the field when it refuses.
 */
export function newPasswordProblem(value: string): string | null {
  if (!value) return t.required;
  if (value.length < 12) return t.passwordTooShort;
  if (value.length > 128) return t.passwordTooLong;
  return /\p{L}/u.test(value) && /\p{N}/u.test(value) ? null : t.passwordNeedsLetterAndDigit;
}

export function confirmationProblem(value: string, values: { newPassword: string }): string | null {
  if (!value) return t.required;
  return value === values.newPassword ? null : t.passwordsDiffer;
}
