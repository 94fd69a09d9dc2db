import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt is memory-hard and ships with Node: N=2^15, r=8 uses 32 MiB per hash. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/**
 * At most this many hashes run at once: each takes 32 MiB and a thread of libuv's pool (4 by default), so a burst
 * of sign-ins queues here instead of starving the pool that DNS, file and crypto work share.
 */
let hashSlots = 2;
const waiting: Array<() => void> = [];
let running = 0;

export function setPasswordHashConcurrency(slots: number): void {
  if (!Number.isInteger(slots) || slots < 1) throw new Error('password hash concurrency must be at least 1');
  hashSlots = slots;
}

/** Hashes running and queued right now (for metrics and tests). */
export function passwordHashLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  // a released slot passes straight to the next waiter, so no newcomer can slip in between
  if (running >= hashSlots) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

function scrypt(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return withHashSlot(
    () =>
      new Promise((resolve, reject) =>
        scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  // a damaged stored hash is a failed check, never an internal error
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (params.N < 2 || (params.N & (params.N - 1)) !== 0 || !(params.r >= 1) || !(params.p >= 1)) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A stored hash of a random password: verifying against it costs the same time as a real account. */
export const DUMMY_PASSWORD_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43);

export const PASSWORD_RULE = 'must be 12 to 128 characters and contain at least one letter and one digit';

/** zxcvbn score (0-4) a password must reach: 3 is "safely unguessable: moderate protection from offline attack". */
export const MIN_PASSWORD_SCORE = 3;

type Estimator = (typeof import('@zxcvbn-ts/core'))['zxcvbn'];
let loaded: Estimator | undefined;

/**
 * Loaded on first use: the dictionaries take about a second to load and only membership checks passwords, while
 * every service imports this library.
 */
function estimator(): Estimator {
  if (!loaded) {
    const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    // common passwords, names and words from the breach-derived lists shipped with the package, plus keyboard
    // patterns; no network lookups
    core.zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    loaded = core.zxcvbn;
  }
  return loaded;
}

export interface PasswordProblem {
  rule: 'passwordLength' | 'passwordStrength';
  message: string;
}

/**
 * The password policy: a length and composition floor, then a strength estimate that refuses common and
 * breached patterns (`password1234`) and passwords built from the member's own details (`userInputs`).
 */
export function passwordProblem(
  password: string,
  userInputs: readonly string[] = [],
): PasswordProblem | null {
  const shaped =
    password.length >= 12 && password.length <= 128 && /\p{L}/u.test(password) && /\p{N}/u.test(password);
  if (!shaped) return { rule: 'passwordLength', message: PASSWORD_RULE };
  const inputs = userInputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  const compact = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const own = userInputs.map((input) => compact(input.split('@')[0])).filter((input) => input.length >= 4);
  if (own.some((input) => compact(password).includes(input))) {
    return { rule: 'passwordStrength', message: 'must not contain your name or e-mail address' };
  }
  const result = estimator()(password, inputs);
  if (result.score < MIN_PASSWORD_SCORE) {
    const hint = result.feedback.warning ? ` (${warningText(result.feedback.warning)})` : '';
    return {
      rule: 'passwordStrength',
      message: `is too easy to guess${hint}: avoid common passwords, keyboard patterns and your own details; a few unrelated words work well`,
    };
  }
  return null;
}

const WARNINGS: Record<string, string> = {
  similarToCommon: 'it is similar to a commonly used password',
  common: 'it is a commonly used password',
  commonNames: 'common names are easy to guess',
  keyPattern: 'keyboard patterns are easy to guess',
  straightRow: 'rows of keys are easy to guess',
  simpleRepeat: 'repeated characters are easy to guess',
  sequences: 'sequences like abc or 6543 are easy to guess',
  dates: 'dates are easy to guess',
  recentYears: 'recent years are easy to guess',
  userInputs: 'it contains your own details',
};

function warningText(warning: string): string {
  return WARNINGS[warning] ?? 'it follows a common pattern';
}
