import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  CommunityDomainError,
  CommunityErrorCode,
  throwIfInvalid,
  type FieldError,
} from '../community.exception';

/**
 * Anonymous reflections, "once per attendee" without a link from a reflection to a member.
 *
 * Design (the service follows it; see docs/community.md):
 * - Each attendee's one-time token is HMAC-SHA256(secret, programme, member). It is derived, not stored, so no
 *   table maps members to tokens; the secret lives in configuration, never in the database.
 * - Submitting spends the token: SHA-256(token) goes into a spent-tokens table (programme id, hash; unique) with
 *   no member id, no reflection id and no timestamp. A second submission hits the unique key.
 * - The reflection row holds the programme, the answers and the day only (`buildReflection`), with a random
 *   (not time-ordered) id. Nothing in either table names a member, and nothing joins the two tables.
 * - Someone with the database alone cannot recompute any member's token hash. Someone with the database and the
 *   secret could tell which members have spent a token (they could anyway: attendance is known), but still not
 *   which reflection is whose, as long as the two rows share no key or ordering (see the docs for the residual
 *   risk of physical insertion order).
 */
export const REFLECTION_SECRET_MIN_BYTES = 32;
export const REFLECTION_ANSWER_MAX_LENGTH = 4000;
/** Reflections are collected for four weeks after the last session. */
export const REFLECTION_WINDOW_DAYS = 28;

function secretBytes(secret: Uint8Array): Uint8Array {
  if (secret.byteLength < REFLECTION_SECRET_MIN_BYTES) {
    // A configuration fault, not user input: the service should refuse to start with it.
    throw new RangeError(`the reflection secret must be at least ${REFLECTION_SECRET_MIN_BYTES} bytes`);
  }
  return secret;
}

/** The attendee's token for one programme (base64url, 43 characters). The same inputs give the same token. */
export function reflectionToken(secret: Uint8Array, programmeId: string, memberId: string): string {
  return createHmac('sha256', secretBytes(secret))
    .update(`praxis.reflection-token.v1\u0000${programmeId}\u0000${memberId}`, 'utf8')
    .digest('base64url');
}

/** What the spent-tokens table stores: the token's SHA-256, hex. Not reversible to the token or the member. */
export function reflectionTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Whether `token` belongs to some attendee of the programme. Only a boolean comes out: the function compares
 * against every attendee's token, without stopping at the first match, and reports no which-one.
 */
export function isValidReflectionToken(
  secret: Uint8Array,
  programmeId: string,
  attendeeIds: Iterable<string>,
  token: string,
): boolean {
  const given = Buffer.from(token, 'utf8');
  let found = false;
  for (const memberId of attendeeIds) {
    const expected = Buffer.from(reflectionToken(secret, programmeId, memberId), 'utf8');
    if (expected.length === given.length && timingSafeEqual(expected, given)) found = true;
  }
  return found;
}

export function assertValidReflectionToken(
  secret: Uint8Array,
  programmeId: string,
  attendeeIds: Iterable<string>,
  token: string,
): void {
  if (!isValidReflectionToken(secret, programmeId, attendeeIds, token)) {
    throw new CommunityDomainError(
      CommunityErrorCode.INVALID_REFLECTION_TOKEN,
      'token: not a reflection token for this programme',
      { errors: [{ field: 'token', message: 'is not a reflection token for this programme' }] },
    );
  }
}

export function assertReflectionWindowOpen(lastSessionEndsAt: Date, now: Date): void {
  const closesAt = lastSessionEndsAt.getTime() + REFLECTION_WINDOW_DAYS * 86_400_000;
  if (now.getTime() < lastSessionEndsAt.getTime() || now.getTime() > closesAt) {
    throw new CommunityDomainError(
      CommunityErrorCode.REFLECTION_WINDOW_CLOSED,
      `Reflections are open from the end of the last session for ${REFLECTION_WINDOW_DAYS} days`,
      { opensAt: lastSessionEndsAt.toISOString(), closesAt: new Date(closesAt).toISOString() },
    );
  }
}

export interface ReflectionQuestion {
  readonly id: string;
  readonly prompt: string;
}

/**
 * The stored reflection: deliberately only these three fields. `submittedOn` is a UTC calendar day, because
 * a precise time could be matched against access logs or attendance records to re-identify the author.
 */
export interface Reflection {
  readonly programmeId: string;
  readonly submittedOn: string;
  readonly answers: ReadonlyArray<{ readonly questionId: string; readonly text: string }>;
}

/**
 * Builds the reflection value from the answers, in the programme's question order (not the order submitted,
 * which a client could use as a signature). Blank answers are dropped; at least one answer is needed.
 */
export function buildReflection(
  programmeId: string,
  questions: readonly ReflectionQuestion[],
  answers: ReadonlyArray<{ readonly questionId: string; readonly text: string }>,
  now: Date,
): Reflection {
  const errors: FieldError[] = [];
  const known = new Set(questions.map((question) => question.id));
  const byQuestion = new Map<string, string>();
  answers.forEach((answer, index) => {
    const field = `answers[${index}]`;
    if (!known.has(answer.questionId)) {
      errors.push({ field: `${field}.questionId`, message: 'is not one of this programme’s questions' });
    } else if (byQuestion.has(answer.questionId)) {
      errors.push({ field: `${field}.questionId`, message: 'is answered more than once' });
    }
    const text = answer.text.trim();
    if (text.length > REFLECTION_ANSWER_MAX_LENGTH) {
      errors.push({
        field: `${field}.text`,
        message: `must be at most ${REFLECTION_ANSWER_MAX_LENGTH} characters`,
      });
    }
    if (!byQuestion.has(answer.questionId)) byQuestion.set(answer.questionId, text);
  });
  const kept = questions
    .map((question) => ({ questionId: question.id, text: byQuestion.get(question.id) ?? '' }))
    .filter((answer) => answer.text !== '');
  if (errors.length === 0 && kept.length === 0) {
    errors.push({ field: 'answers', message: 'answer at least one question' });
  }
  throwIfInvalid(errors);
  return { programmeId, submittedOn: now.toISOString().slice(0, 10), answers: kept };
}
