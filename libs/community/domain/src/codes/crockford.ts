import { randomInt } from 'node:crypto';

/**
 * Crockford base32: digits and capitals without I, L, O and U, so a code read aloud or typed from a screen
 * survives the usual confusions (O/0, I/1/L). Shared by session codes and certificate verification codes.
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `count` characters, each drawn uniformly by the operating system's CSPRNG. */
export function randomCrockford(count: number): string {
  let text = '';
  for (let index = 0; index < count; index += 1) text += CROCKFORD_ALPHABET[randomInt(32)];
  return text;
}

/** Upper-cases, drops spaces and hyphens, and maps the look-alikes (O→0, I/L→1); `null` if anything else remains. */
export function normaliseCrockford(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]*$/.test(text) ? text : null;
}
