import type { FormErrors } from '@mantine/form';
import { fieldErrorsOf } from './errors';

/**
 * Moves focus to the first field with an error, so a screen reader reads its label and the error tied to it
 * (Mantine links them with aria-describedby) and a keyboard user lands where the fix is.
 */
export function focusFirstError(errors: FormErrors): void {
  const first = Object.keys(errors).find((key) => errors[key]);
  if (!first) return;
  // after React has rendered the errors
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(first)}"]`);
    field?.focus();
  });
}

/**
 * Puts a BAD_USER_INPUT answer's field errors on the form's fields; returns false when the error named no
 * field of the form (the caller then shows it as a whole-form message).
 */
export function showFieldErrors(
  form: { setErrors: (errors: FormErrors) => void; values: object },
  error: unknown,
  prefix = 'input.',
): boolean {
  const fields = fieldErrorsOf(error, prefix);
  const known = Object.fromEntries(Object.entries(fields).filter(([name]) => name in form.values));
  if (Object.keys(known).length === 0) return false;
  form.setErrors(known);
  focusFirstError(known);
  return true;
}
