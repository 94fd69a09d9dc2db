import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';
import { describeProblems, ValidationProblem } from './validation-problem';

export enum CompetitionPhase {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  JUDGING = 'JUDGING',
  RESULTS_PUBLISHED = 'RESULTS_PUBLISHED',
  CANCELLED = 'CANCELLED',
}

export const COMPETITION_PHASES: readonly CompetitionPhase[] = Object.values(CompetitionPhase);

/** The forward path; CANCELLED sits outside it because it can be reached from several places. */
const LIFECYCLE: readonly CompetitionPhase[] = [
  CompetitionPhase.DRAFT,
  CompetitionPhase.OPEN,
  CompetitionPhase.JUDGING,
  CompetitionPhase.RESULTS_PUBLISHED,
];

export interface CompetitionDates {
  /** Submissions are accepted from this instant (inclusive). */
  readonly opensAt: Date;
  /** Submissions are accepted until this instant (exclusive); judging may start from here. */
  readonly closesAt: Date;
  /** Target end of judging. A planning deadline, not a gate (see `assertTransition`). */
  readonly judgingEndsAt: Date;
}

export enum PhaseTransitionRule {
  SAME_PHASE = 'SAME_PHASE',
  TERMINAL_PHASE = 'TERMINAL_PHASE',
  BACKWARDS = 'BACKWARDS',
  SKIPS_PHASE = 'SKIPS_PHASE',
  CANNOT_CANCEL_PUBLISHED = 'CANNOT_CANCEL_PUBLISHED',
  INVALID_DATES = 'INVALID_DATES',
  BEFORE_OPENS_AT = 'BEFORE_OPENS_AT',
  AFTER_CLOSES_AT = 'AFTER_CLOSES_AT',
  BEFORE_CLOSES_AT = 'BEFORE_CLOSES_AT',
}

export type TransitionCheck =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly rule: PhaseTransitionRule;
      readonly message: string;
      readonly problems?: readonly ValidationProblem[];
    };

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/**
 * Checks `opensAt < closesAt <= judgingEndsAt`. Judging may end the instant submissions close (an
 * organiser may run a same-day panel), but a competition must accept submissions for a non-empty window.
 */
export function validateCompetitionDates(
  dates: Partial<Record<keyof CompetitionDates, unknown>>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const fields: (keyof CompetitionDates)[] = ['opensAt', 'closesAt', 'judgingEndsAt'];
  for (const field of fields) {
    if (!isValidDate(dates[field])) {
      problems.push({ field, rule: 'VALID_DATE', message: `${field} must be a valid date.` });
    }
  }
  const { opensAt, closesAt, judgingEndsAt } = dates;
  if (isValidDate(opensAt) && isValidDate(closesAt) && !(opensAt.getTime() < closesAt.getTime())) {
    problems.push({
      field: 'closesAt',
      rule: 'AFTER_OPENS_AT',
      message: `closesAt (${closesAt.toISOString()}) must be later than opensAt (${opensAt.toISOString()}).`,
    });
  }
  if (isValidDate(closesAt) && isValidDate(judgingEndsAt) && judgingEndsAt.getTime() < closesAt.getTime()) {
    problems.push({
      field: 'judgingEndsAt',
      rule: 'NOT_BEFORE_CLOSES_AT',
      message: `judgingEndsAt (${judgingEndsAt.toISOString()}) must not be earlier than closesAt (${closesAt.toISOString()}).`,
    });
  }
  return problems;
}

export function assertValidCompetitionDates(dates: CompetitionDates): void {
  const problems = validateCompetitionDates(dates);
  if (problems.length > 0) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.INVALID_COMPETITION_DATES,
      `The competition dates are invalid: ${describeProblems(problems)}`,
      { problems },
    );
  }
}

/** Phases an organiser could move to from `from`, ignoring dates (for showing the right buttons). */
export function nextPhases(from: CompetitionPhase): CompetitionPhase[] {
  switch (from) {
    case CompetitionPhase.DRAFT:
      return [CompetitionPhase.OPEN, CompetitionPhase.CANCELLED];
    case CompetitionPhase.OPEN:
      return [CompetitionPhase.JUDGING, CompetitionPhase.CANCELLED];
    case CompetitionPhase.JUDGING:
      return [CompetitionPhase.RESULTS_PUBLISHED, CompetitionPhase.CANCELLED];
    case CompetitionPhase.RESULTS_PUBLISHED:
    case CompetitionPhase.CANCELLED:
      return [];
  }
}

function refuse(rule: PhaseTransitionRule, message: string, problems?: ValidationProblem[]): TransitionCheck {
  return problems ? { allowed: false, rule, message, problems } : { allowed: false, rule, message };
}

/**
 * Date gates, and why each one exists:
 * - DRAFT → OPEN needs valid dates and `opensAt <= now < closesAt`: opening early would accept work before the
 *   announced start; opening after the close would create a competition nobody can enter.
 * - OPEN → JUDGING needs `now >= closesAt`, so no applicant loses the time they were promised.
 * - JUDGING → RESULTS_PUBLISHED has no date gate beyond judging being under way (which already implies
 *   `now >= closesAt`). `judgingEndsAt` is a planning target: panels that finish early may publish early, and a
 *   late panel must still be able to publish. Whether every review is in is for the service to decide; it is the
 *   one that knows the review counts.
 * - CANCELLED is reachable from DRAFT, OPEN and JUDGING at any time; published results are final.
 */
export function checkTransition(
  from: CompetitionPhase,
  to: CompetitionPhase,
  dates: CompetitionDates,
  now: Date,
): TransitionCheck {
  if (from === to) {
    return refuse(PhaseTransitionRule.SAME_PHASE, `The competition is already in phase ${from}.`);
  }
  if (from === CompetitionPhase.RESULTS_PUBLISHED && to === CompetitionPhase.CANCELLED) {
    return refuse(
      PhaseTransitionRule.CANNOT_CANCEL_PUBLISHED,
      'Cannot cancel the competition: its results are published, and published results are final.',
    );
  }
  if (from === CompetitionPhase.RESULTS_PUBLISHED || from === CompetitionPhase.CANCELLED) {
    return refuse(
      PhaseTransitionRule.TERMINAL_PHASE,
      `Cannot move from ${from} to ${to}: ${from} is a final phase and cannot be changed.`,
    );
  }
  if (to === CompetitionPhase.CANCELLED) {
    return { allowed: true };
  }
  const fromIndex = LIFECYCLE.indexOf(from);
  const toIndex = LIFECYCLE.indexOf(to);
  if (toIndex < fromIndex) {
    return refuse(
      PhaseTransitionRule.BACKWARDS,
      `Cannot move from ${from} back to ${to}: phases only move forward (${LIFECYCLE.join(' → ')}).`,
    );
  }
  if (toIndex > fromIndex + 1) {
    const skipped = LIFECYCLE.slice(fromIndex + 1, toIndex);
    return refuse(
      PhaseTransitionRule.SKIPS_PHASE,
      `Cannot move from ${from} to ${to}: the competition must go through ${skipped.join(' and ')} first.`,
    );
  }
  const problems = validateCompetitionDates(dates);
  if (problems.length > 0) {
    return refuse(
      PhaseTransitionRule.INVALID_DATES,
      `Cannot move from ${from} to ${to} while the competition dates are invalid: ${describeProblems(problems)}`,
      problems,
    );
  }
  const at = now.getTime();
  if (to === CompetitionPhase.OPEN) {
    if (at < dates.opensAt.getTime()) {
      return refuse(
        PhaseTransitionRule.BEFORE_OPENS_AT,
        `Cannot open the competition before opensAt (${dates.opensAt.toISOString()}).`,
      );
    }
    if (at >= dates.closesAt.getTime()) {
      return refuse(
        PhaseTransitionRule.AFTER_CLOSES_AT,
        `Cannot open the competition after closesAt (${dates.closesAt.toISOString()}) has passed; move closesAt later first.`,
      );
    }
  }
  if (to === CompetitionPhase.JUDGING && at < dates.closesAt.getTime()) {
    return refuse(
      PhaseTransitionRule.BEFORE_CLOSES_AT,
      `Cannot start judging before submissions close at closesAt (${dates.closesAt.toISOString()}).`,
    );
  }
  if (to === CompetitionPhase.RESULTS_PUBLISHED && at < dates.closesAt.getTime()) {
    return refuse(
      PhaseTransitionRule.BEFORE_CLOSES_AT,
      `Cannot publish results before submissions close at closesAt (${dates.closesAt.toISOString()}).`,
    );
  }
  return { allowed: true };
}

/** Throws ILLEGAL_PHASE_TRANSITION with `details.rule` naming the broken rule; see `checkTransition`. */
export function assertTransition(
  from: CompetitionPhase,
  to: CompetitionPhase,
  dates: CompetitionDates,
  now: Date,
): void {
  const check = checkTransition(from, to, dates, now);
  if (!check.allowed) {
    throw new ProposalsDomainError(ProposalsErrorCode.ILLEGAL_PHASE_TRANSITION, check.message, {
      from,
      to,
      rule: check.rule,
      now: now.toISOString(),
      ...(check.problems ? { problems: check.problems } : {}),
    });
  }
}

/** Whether a new submission is accepted right now: the phase is OPEN and `now` is inside the window. */
export function acceptsSubmissions(phase: CompetitionPhase, dates: CompetitionDates, now: Date): boolean {
  const at = now.getTime();
  return phase === CompetitionPhase.OPEN && at >= dates.opensAt.getTime() && at < dates.closesAt.getTime();
}

/**
 * Once results are published, everything they were computed from (judge pool, assignments, conflicts, scores,
 * entries) is frozen, so the published ranking, the feedback and the results event can never disagree.
 * `change` names what was attempted, for the message.
 */
export function assertNotFrozen(phase: CompetitionPhase, change: string): void {
  if (phase === CompetitionPhase.RESULTS_PUBLISHED) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.RESULTS_FROZEN,
      `Results are published and judging is frozen: ${change} can no longer change.`,
      { phase, change },
    );
  }
}
