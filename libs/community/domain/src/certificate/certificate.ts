import { throwIfInvalid } from '../community.exception';
import { CROCKFORD_ALPHABET, normaliseCrockford, randomCrockford } from '../codes/crockford';

/** Five of seven sessions, rounded up: most of the series, while allowing for a night shift or two. */
export const DEFAULT_CERTIFICATE_MIN_SHARE_PERCENT = 70;

export interface CertificateEligibility {
  readonly eligible: boolean;
  readonly attended: number;
  readonly held: number;
  /** The least number of sessions that qualifies: ⌈held × share⌉. */
  readonly required: number;
}

/**
 * Only sessions that have been held count (a cancelled or future session is nobody's absence), and only
 * attendance at those. The share is compared exactly in integers: attended × 100 ≥ share × held.
 */
export function certificateEligibility(
  heldSessionIds: readonly string[],
  attendedSessionIds: readonly string[],
  minSharePercent = DEFAULT_CERTIFICATE_MIN_SHARE_PERCENT,
): CertificateEligibility {
  throwIfInvalid(
    !Number.isInteger(minSharePercent) || minSharePercent < 1 || minSharePercent > 100
      ? [{ field: 'minSharePercent', message: 'must be a whole number from 1 to 100' }]
      : [],
  );
  const held = new Set(heldSessionIds);
  const attended = new Set(attendedSessionIds.filter((id) => held.has(id))).size;
  const required = Math.ceil((held.size * minSharePercent) / 100);
  return {
    eligible: held.size > 0 && attended * 100 >= minSharePercent * held.size,
    attended,
    held: held.size,
    required,
  };
}

/** 16 random base32 characters (80 bits from the OS CSPRNG) and one check character. */
export const VERIFICATION_CODE_DATA_LENGTH = 16;

/**
 * Luhn mod N over the base32 alphabet: catches every single-character typo and every swap of neighbours except
 * 0↔Z, so the public verification page can say "mistyped" without a database lookup.
 */
function checkCharacter(data: string): string {
  const n = CROCKFORD_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let index = data.length - 1; index >= 0; index -= 1) {
    let addend = factor * CROCKFORD_ALPHABET.indexOf(data[index]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return CROCKFORD_ALPHABET[(n - (sum % n)) % n];
}

function format(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join('-') ?? canonical;
}

/** A new code such as `7K3Q-XW2M-9PDA-40RT-H` (shown on the certificate and in its URL). */
export function generateVerificationCode(): string {
  const data = randomCrockford(VERIFICATION_CODE_DATA_LENGTH);
  return format(data + checkCharacter(data));
}

/**
 * The canonical form to look up (17 characters, no hyphens), or `null` when the input cannot be a code: wrong
 * length, foreign characters, or a failed check character. Case, hyphens and look-alike letters are forgiven.
 */
export function normaliseVerificationCode(input: string): string | null {
  const text = normaliseCrockford(input);
  if (text === null || text.length !== VERIFICATION_CODE_DATA_LENGTH + 1) return null;
  const data = text.slice(0, VERIFICATION_CODE_DATA_LENGTH);
  return checkCharacter(data) === text[VERIFICATION_CODE_DATA_LENGTH] ? text : null;
}

export function formatVerificationCode(canonical: string): string {
  return format(canonical);
}
