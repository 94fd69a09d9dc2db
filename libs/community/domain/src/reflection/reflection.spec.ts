import { randomBytes } from 'node:crypto';
import { CommunityErrorCode } from '../community.exception';
import { refusalOf } from '../testing/refusal';
import {
  assertReflectionWindowOpen,
  assertValidReflectionToken,
  buildReflection,
  isValidReflectionToken,
  reflectionToken,
  reflectionTokenHash,
} from './reflection';

const SECRET = randomBytes(32);
const PROGRAMME = 'prog-2026';
const MEMBER = '4f1c2b9e-7d3a-4e55-9a0b-1c2d3e4f5a6b';
const ATTENDEES = [MEMBER, 'member-2', 'member-3'];
const QUESTIONS = [
  { id: 'q1', prompt: 'What will you do differently?' },
  { id: 'q2', prompt: 'What was most useful?' },
  { id: 'q3', prompt: 'What should change?' },
];
const NOW = new Date('2026-04-20T16:47:13.512Z');

describe('reflection tokens', () => {
  it('are one per attendee and programme, stable, and unguessable without the secret', () => {
    const token = reflectionToken(SECRET, PROGRAMME, MEMBER);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reflectionToken(SECRET, PROGRAMME, MEMBER)).toBe(token);
    expect(reflectionToken(SECRET, 'other-programme', MEMBER)).not.toBe(token);
    expect(reflectionToken(SECRET, PROGRAMME, 'member-2')).not.toBe(token);
    expect(reflectionToken(randomBytes(32), PROGRAMME, MEMBER)).not.toBe(token);
  });

  it('are stored only as a hash that contains neither the token nor the member', () => {
    const token = reflectionToken(SECRET, PROGRAMME, MEMBER);
    const hash = reflectionTokenHash(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hash).not.toContain(MEMBER.replace(/-/g, ''));
    expect(reflectionTokenHash(token)).toBe(hash);
  });

  it('verify as belonging to some attendee, with a plain boolean and nothing about which', () => {
    const token = reflectionToken(SECRET, PROGRAMME, 'member-3');
    expect(isValidReflectionToken(SECRET, PROGRAMME, ATTENDEES, token)).toBe(true);
    expect(isValidReflectionToken(SECRET, PROGRAMME, ['member-2'], token)).toBe(false);
    expect(isValidReflectionToken(SECRET, 'other-programme', ATTENDEES, token)).toBe(false);
    expect(isValidReflectionToken(SECRET, PROGRAMME, ATTENDEES, token.slice(1))).toBe(false);
    expect(() => assertValidReflectionToken(SECRET, PROGRAMME, ATTENDEES, token)).not.toThrow();
    expect(refusalOf(() => assertValidReflectionToken(SECRET, PROGRAMME, ATTENDEES, 'forged')).code).toBe(
      CommunityErrorCode.INVALID_REFLECTION_TOKEN,
    );
  });

  it('refuse a short secret (a configuration fault)', () => {
    expect(() => reflectionToken(randomBytes(16), PROGRAMME, MEMBER)).toThrow(RangeError);
  });
});

describe('the reflection value', () => {
  const reflection = buildReflection(
    PROGRAMME,
    QUESTIONS,
    [
      { questionId: 'q3', text: '  More small-group work ' },
      { questionId: 'q1', text: 'Ask a librarian early' },
      { questionId: 'q2', text: '   ' },
    ],
    NOW,
  );

  it('holds the programme, the day and the answers in question order, and nothing else', () => {
    expect(reflection).toEqual({
      programmeId: PROGRAMME,
      submittedOn: '2026-04-20',
      answers: [
        { questionId: 'q1', text: 'Ask a librarian early' },
        { questionId: 'q3', text: 'More small-group work' },
      ],
    });
    expect(Object.keys(reflection).sort()).toEqual(['answers', 'programmeId', 'submittedOn']);
  });

  it('carries no member id, token or hash anywhere in it', () => {
    const stored = JSON.stringify(reflection);
    const token = reflectionToken(SECRET, PROGRAMME, MEMBER);
    for (const secretish of [MEMBER, token, reflectionTokenHash(token)])
      expect(stored).not.toContain(secretish);
    expect(buildReflection.length).toBe(4); // programme, questions, answers, now: no member parameter to leak
  });

  it('carries no precise time: the day only, the same for every instant of that day', () => {
    const stored = JSON.stringify(reflection);
    expect(stored).not.toMatch(/T\d{2}:\d{2}/);
    expect(stored).not.toContain('16:47');
    expect(stored).not.toContain(String(NOW.getTime()));
    const morning = buildReflection(
      PROGRAMME,
      QUESTIONS,
      [{ questionId: 'q1', text: 'x' }],
      new Date('2026-04-20T00:00:00Z'),
    );
    const night = buildReflection(
      PROGRAMME,
      QUESTIONS,
      [{ questionId: 'q1', text: 'x' }],
      new Date('2026-04-20T23:59:59.999Z'),
    );
    expect(morning).toEqual(night);
  });

  it('reports unknown, repeated and over-long answers, and needs at least one answer', () => {
    const error = refusalOf(() =>
      buildReflection(
        PROGRAMME,
        QUESTIONS,
        [
          { questionId: 'q9', text: 'x' },
          { questionId: 'q1', text: 'x' },
          { questionId: 'q1', text: 'y' },
          { questionId: 'q2', text: 'z'.repeat(4001) },
        ],
        NOW,
      ),
    );
    expect((error.details.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'answers[0].questionId',
      'answers[2].questionId',
      'answers[3].text',
    ]);
    expect(
      refusalOf(() => buildReflection(PROGRAMME, QUESTIONS, [{ questionId: 'q1', text: ' ' }], NOW)).message,
    ).toMatch(/answers: answer at least one question/);
  });

  it('is accepted from the end of the last session for four weeks', () => {
    const lastEnd = new Date('2026-04-15T17:00:00Z');
    expect(() => assertReflectionWindowOpen(lastEnd, NOW)).not.toThrow();
    expect(refusalOf(() => assertReflectionWindowOpen(lastEnd, new Date('2026-04-15T16:59:59Z'))).code).toBe(
      CommunityErrorCode.REFLECTION_WINDOW_CLOSED,
    );
    expect(refusalOf(() => assertReflectionWindowOpen(lastEnd, new Date('2026-05-13T17:00:01Z'))).code).toBe(
      CommunityErrorCode.REFLECTION_WINDOW_CLOSED,
    );
  });
});
