import {
  acceptsSubmissions,
  assertNotFrozen,
  assertTransition,
  checkTransition,
  COMPETITION_PHASES,
  CompetitionDates,
  CompetitionPhase,
  nextPhases,
  PhaseTransitionRule,
  validateCompetitionDates,
} from './competition-phase';
import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';

const { DRAFT, OPEN, JUDGING, RESULTS_PUBLISHED, CANCELLED } = CompetitionPhase;

const dates: CompetitionDates = {
  opensAt: new Date('2025-03-01T00:00:00.000Z'),
  closesAt: new Date('2025-04-01T00:00:00.000Z'),
  judgingEndsAt: new Date('2025-05-01T00:00:00.000Z'),
};
const beforeOpening = new Date('2025-02-28T12:00:00.000Z');
const duringSubmissions = new Date('2025-03-15T00:00:00.000Z');
const duringJudging = new Date('2025-04-10T00:00:00.000Z');
const afterJudging = new Date('2025-06-01T00:00:00.000Z');

function refusal(from: CompetitionPhase, to: CompetitionPhase, now: Date, at: CompetitionDates = dates) {
  const check = checkTransition(from, to, at, now);
  if (check.allowed) {
    throw new Error(`expected ${from} → ${to} to be refused`);
  }
  return check;
}

describe('checkTransition', () => {
  it('allows exactly the lifecycle edges and cancelling before publication', () => {
    const legal = new Set([
      `${DRAFT}>${OPEN}`,
      `${OPEN}>${JUDGING}`,
      `${JUDGING}>${RESULTS_PUBLISHED}`,
      `${DRAFT}>${CANCELLED}`,
      `${OPEN}>${CANCELLED}`,
      `${JUDGING}>${CANCELLED}`,
    ]);
    for (const from of COMPETITION_PHASES) {
      for (const to of COMPETITION_PHASES) {
        // Pick a moment that satisfies the date gate of the target, so only the phase rule decides.
        const now = to === OPEN ? duringSubmissions : duringJudging;
        expect([`${from}>${to}`, checkTransition(from, to, dates, now).allowed]).toEqual([
          `${from}>${to}`,
          legal.has(`${from}>${to}`),
        ]);
      }
    }
  });

  it('names the skipped phases', () => {
    expect(refusal(DRAFT, JUDGING, duringJudging)).toMatchObject({
      rule: PhaseTransitionRule.SKIPS_PHASE,
      message: 'Cannot move from DRAFT to JUDGING: the competition must go through OPEN first.',
    });
    expect(refusal(DRAFT, RESULTS_PUBLISHED, afterJudging).message).toBe(
      'Cannot move from DRAFT to RESULTS_PUBLISHED: the competition must go through OPEN and JUDGING first.',
    );
  });

  it('refuses going backwards, standing still, and leaving a final phase', () => {
    expect(refusal(JUDGING, OPEN, duringJudging).rule).toBe(PhaseTransitionRule.BACKWARDS);
    expect(refusal(OPEN, DRAFT, duringSubmissions).rule).toBe(PhaseTransitionRule.BACKWARDS);
    expect(refusal(OPEN, OPEN, duringSubmissions).rule).toBe(PhaseTransitionRule.SAME_PHASE);
    expect(refusal(CANCELLED, OPEN, duringSubmissions).rule).toBe(PhaseTransitionRule.TERMINAL_PHASE);
    expect(refusal(RESULTS_PUBLISHED, JUDGING, afterJudging).rule).toBe(PhaseTransitionRule.TERMINAL_PHASE);
    expect(refusal(RESULTS_PUBLISHED, CANCELLED, afterJudging).rule).toBe(
      PhaseTransitionRule.CANNOT_CANCEL_PUBLISHED,
    );
  });

  it('opens only inside [opensAt, closesAt)', () => {
    expect(refusal(DRAFT, OPEN, beforeOpening)).toMatchObject({
      rule: PhaseTransitionRule.BEFORE_OPENS_AT,
      message: 'Cannot open the competition before opensAt (2025-03-01T00:00:00.000Z).',
    });
    expect(checkTransition(DRAFT, OPEN, dates, dates.opensAt).allowed).toBe(true);
    expect(refusal(DRAFT, OPEN, dates.closesAt).rule).toBe(PhaseTransitionRule.AFTER_CLOSES_AT);
  });

  it('starts judging only once submissions have closed', () => {
    const oneMsBeforeClose = new Date(dates.closesAt.getTime() - 1);
    expect(refusal(OPEN, JUDGING, oneMsBeforeClose)).toMatchObject({
      rule: PhaseTransitionRule.BEFORE_CLOSES_AT,
      message: 'Cannot start judging before submissions close at closesAt (2025-04-01T00:00:00.000Z).',
    });
    expect(checkTransition(OPEN, JUDGING, dates, dates.closesAt).allowed).toBe(true);
    // Late is fine: an organiser who forgot to click must still be able to move on.
    expect(checkTransition(OPEN, JUDGING, dates, afterJudging).allowed).toBe(true);
  });

  it('publishes any time once judging is under way, before or after judgingEndsAt', () => {
    expect(checkTransition(JUDGING, RESULTS_PUBLISHED, dates, duringJudging).allowed).toBe(true);
    expect(checkTransition(JUDGING, RESULTS_PUBLISHED, dates, afterJudging).allowed).toBe(true);
    // Only reachable if dates were edited after judging began; still refused.
    expect(refusal(JUDGING, RESULTS_PUBLISHED, duringSubmissions).rule).toBe(
      PhaseTransitionRule.BEFORE_CLOSES_AT,
    );
  });

  it('refuses a date-gated move while the dates themselves are invalid, but always allows cancelling', () => {
    const broken = { ...dates, closesAt: new Date('2025-02-01T00:00:00.000Z') };
    const check = refusal(DRAFT, OPEN, duringSubmissions, broken);
    expect(check.rule).toBe(PhaseTransitionRule.INVALID_DATES);
    expect(check.problems?.map((p) => p.rule)).toEqual(['AFTER_OPENS_AT']);
    expect(checkTransition(DRAFT, CANCELLED, broken, beforeOpening).allowed).toBe(true);
  });
});

describe('assertTransition', () => {
  it('throws ILLEGAL_PHASE_TRANSITION with the rule in the details', () => {
    let error: unknown;
    try {
      assertTransition(OPEN, JUDGING, dates, duringSubmissions);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProposalsDomainError);
    expect(error).toMatchObject({
      code: ProposalsErrorCode.ILLEGAL_PHASE_TRANSITION,
      details: {
        from: OPEN,
        to: JUDGING,
        rule: PhaseTransitionRule.BEFORE_CLOSES_AT,
        now: '2025-03-15T00:00:00.000Z',
      },
    });
  });

  it('returns quietly for a legal move', () => {
    expect(() => assertTransition(DRAFT, OPEN, dates, duringSubmissions)).not.toThrow();
  });
});

describe('validateCompetitionDates', () => {
  it('accepts opensAt < closesAt = judgingEndsAt', () => {
    expect(validateCompetitionDates({ ...dates, judgingEndsAt: dates.closesAt })).toEqual([]);
  });

  it('reports every ordering problem at once', () => {
    const problems = validateCompetitionDates({
      opensAt: new Date('2025-04-01T00:00:00.000Z'),
      closesAt: new Date('2025-04-01T00:00:00.000Z'),
      judgingEndsAt: new Date('2025-03-01T00:00:00.000Z'),
    });
    expect(problems).toEqual([
      {
        field: 'closesAt',
        rule: 'AFTER_OPENS_AT',
        message: 'closesAt (2025-04-01T00:00:00.000Z) must be later than opensAt (2025-04-01T00:00:00.000Z).',
      },
      {
        field: 'judgingEndsAt',
        rule: 'NOT_BEFORE_CLOSES_AT',
        message:
          'judgingEndsAt (2025-03-01T00:00:00.000Z) must not be earlier than closesAt (2025-04-01T00:00:00.000Z).',
      },
    ]);
  });

  it('reports invalid or missing dates by field and still checks the others', () => {
    const problems = validateCompetitionDates({
      opensAt: new Date('not a date'),
      closesAt: new Date('2025-04-01T00:00:00.000Z'),
      judgingEndsAt: new Date('2025-03-01T00:00:00.000Z'),
    });
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ['opensAt', 'VALID_DATE'],
      ['judgingEndsAt', 'NOT_BEFORE_CLOSES_AT'],
    ]);
    expect(validateCompetitionDates({}).map((p) => p.field)).toEqual([
      'opensAt',
      'closesAt',
      'judgingEndsAt',
    ]);
  });
});

describe('nextPhases and acceptsSubmissions', () => {
  it('lists the buttons an organiser can see', () => {
    expect(nextPhases(DRAFT)).toEqual([OPEN, CANCELLED]);
    expect(nextPhases(JUDGING)).toEqual([RESULTS_PUBLISHED, CANCELLED]);
    expect(nextPhases(RESULTS_PUBLISHED)).toEqual([]);
  });

  it('accepts submissions only while OPEN and inside the window', () => {
    expect(acceptsSubmissions(OPEN, dates, duringSubmissions)).toBe(true);
    expect(acceptsSubmissions(OPEN, dates, dates.closesAt)).toBe(false);
    expect(acceptsSubmissions(DRAFT, dates, duringSubmissions)).toBe(false);
  });
});

describe('assertNotFrozen', () => {
  it('refuses any change once results are published, naming what was attempted', () => {
    const attempt = () => assertNotFrozen(CompetitionPhase.RESULTS_PUBLISHED, 'conflicts');
    expect(attempt).toThrow(ProposalsDomainError);
    expect(attempt).toThrow(/conflicts can no longer change/);
    try {
      attempt();
    } catch (error) {
      expect((error as ProposalsDomainError).code).toBe(ProposalsErrorCode.RESULTS_FROZEN);
    }
  });

  it('lets every other phase through (each operation checks its own phase rules after this one)', () => {
    for (const phase of COMPETITION_PHASES.filter((p) => p !== CompetitionPhase.RESULTS_PUBLISHED)) {
      expect(() => assertNotFrozen(phase, 'scores')).not.toThrow();
    }
  });
});
