import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Characters that change how text is shown rather than what it says: C0/C1 controls (NUL, escape, newline...),
 * bidirectional overrides and isolates (U+202A-202E, U+2066-2069, which make "evil.exe" read as "exe.live"),
 * directional and zero-width marks, and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

export function isPlainText(value: unknown): boolean {
  return typeof value === 'string' && !INVISIBLE_OR_CONTROL.test(value);
}

/** One-line human text (names, titles): no control, bidi-override or invisible characters. */
export function IsPlainText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'plainText',
      validator: {
        validate: (value: unknown) => isPlainText(value),
        defaultMessage: () => 'must not contain control, bidirectional-override or invisible characters',
      },
    },
    options,
  );
}

/** Required text that services store trimmed: whitespace alone would become an empty value after the trim. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: () => 'must not be blank',
      },
    },
    options,
  );
}
