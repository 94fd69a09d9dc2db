import { authMessages as t } from './messages';

/** The client's checks only spare a round trip; the server checks everything again and names the field. */
export function emailProblem(value: string): string | null {
  if (!value.trim()) return t.required;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t.invalidEmail;
}

export function passwordProblem(value: string): string | null {
  if (!value) return t.required;
  return value.length >= 12 ? null : t.passwordTooShort;
}

export function requiredProblem(value: string | null | undefined): string | null {
  return value && value.trim() ? null : t.required;
}
