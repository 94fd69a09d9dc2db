import type { FormErrors } from '@mantine/form';
import { fieldErrorsOf, type FieldErrorOptions } from './errors';

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

/** Whether the form has a value at `path` (`title`, or a list item's field such as `sessions.0.theme`). */
function hasPath(values: object, path: string): boolean {
  let value: unknown = values;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Puts a BAD_USER_INPUT answer's field errors on the form's fields, list items' fields included (in the
 * feature's words for the rules it words), the API fields the form names otherwise by the form's `fields` map;
 * returns false when the error named no field of the form (the caller then shows it as a whole-form message).
 */
export function showFieldErrors(
  form: { setErrors: (errors: FormErrors) => void; values: object },
  error: unknown,
  options: FieldErrorOptions = {},
): boolean {
  const known = Object.fromEntries(
    Object.entries(fieldErrorsOf(error, options)).filter(([name]) => hasPath(form.values, name)),
  );
  if (Object.keys(known).length === 0) return false;
  form.setErrors(known);
  focusFirstError(known);
  return true;
}
