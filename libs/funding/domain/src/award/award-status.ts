import { FundingDomainError, FundingErrorCode } from '../funding.exception';
import { type Money } from '../money/money';
import { assertBudgetLinesMatchAward, type BudgetLine } from './budget-line';

export const AWARD_STATUSES = ['OFFERED', 'ACCEPTED', 'ACTIVE', 'CLOSED', 'DECLINED', 'CANCELLED'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

export const AWARD_ACTIONS = ['ACCEPT', 'DECLINE', 'ACTIVATE', 'CLOSE', 'CANCEL'] as const;
export type AwardAction = (typeof AWARD_ACTIONS)[number];

/** Who may take an action: the principal investigator (the lead applicant) or an admin. */
export type AwardActorRole = 'PI' | 'ADMIN';

interface TransitionRule {
  readonly from: readonly AwardStatus[];
  readonly to: AwardStatus;
  readonly by: AwardActorRole;
}

/**
 * The whole award life cycle in one table. Accepting or declining is the PI's own decision (an admin cannot
 * accept money on someone's behalf); activation, close-out and cancellation are the funder's.
 */
export const AWARD_TRANSITIONS: Readonly<Record<AwardAction, TransitionRule>> = {
  ACCEPT: { from: ['OFFERED'], to: 'ACCEPTED', by: 'PI' },
  DECLINE: { from: ['OFFERED'], to: 'DECLINED', by: 'PI' },
  ACTIVATE: { from: ['ACCEPTED'], to: 'ACTIVE', by: 'ADMIN' },
  CLOSE: { from: ['ACTIVE'], to: 'CLOSED', by: 'ADMIN' },
  CANCEL: { from: ['OFFERED', 'ACCEPTED', 'ACTIVE'], to: 'CANCELLED', by: 'ADMIN' },
};

/** Statuses in which an award still holds a claim on its fund. */
export const LIVE_AWARD_STATUSES: readonly AwardStatus[] = ['OFFERED', 'ACCEPTED', 'ACTIVE'];

export function isLiveAward(status: AwardStatus): boolean {
  return LIVE_AWARD_STATUSES.includes(status);
}

export interface AwardActor {
  readonly memberId: string;
  readonly isAdmin: boolean;
}

export interface AwardForTransition {
  readonly id: string;
  readonly status: AwardStatus;
  readonly principalInvestigatorId: string;
  readonly amount: Money;
  readonly budgetLines: readonly BudgetLine[];
  /** Close-out needs it: the funder's record of what the money achieved. */
  readonly finalReportSubmitted: boolean;
}

/** Dated and attributed, as the issue asks of every transition; the service stores one row per record. */
export interface AwardTransitionRecord {
  readonly awardId: string;
  readonly action: AwardAction;
  readonly from: AwardStatus;
  readonly to: AwardStatus;
  readonly by: string;
  readonly at: Date;
  readonly reason: string | null;
}

export function actionsAvailable(award: AwardForTransition, actor: AwardActor): AwardAction[] {
  return AWARD_ACTIONS.filter((action) => {
    const rule = AWARD_TRANSITIONS[action];
    return rule.from.includes(award.status) && mayAct(rule.by, award, actor);
  });
}

function mayAct(role: AwardActorRole, award: AwardForTransition, actor: AwardActor): boolean {
  return role === 'ADMIN' ? actor.isAdmin : actor.memberId === award.principalInvestigatorId;
}

/**
 * Checks one transition and returns its record. Order of checks: the state machine first (so a stale client
 * learns the award has moved on), then who is acting, then the preconditions of the target state.
 */
export function transitionAward(
  award: AwardForTransition,
  action: AwardAction,
  actor: AwardActor,
  at: Date,
  reason: string | null = null,
): AwardTransitionRecord {
  const rule = AWARD_TRANSITIONS[action];
  if (!rule.from.includes(award.status)) {
    throw new FundingDomainError(
      FundingErrorCode.ILLEGAL_AWARD_TRANSITION,
      `Cannot ${action.toLowerCase()} an award that is ${award.status} (allowed from ${rule.from.join(', ')})`,
      { awardId: award.id, action, status: award.status },
    );
  }
  if (!mayAct(rule.by, award, actor)) {
    throw new FundingDomainError(
      FundingErrorCode.NOT_ALLOWED_FOR_ACTOR,
      rule.by === 'PI'
        ? `Only the award's principal investigator may ${action.toLowerCase()} it`
        : `Only an admin may ${action.toLowerCase()} an award`,
      { awardId: award.id, action, requiredRole: rule.by },
    );
  }
  if (action === 'ACTIVATE') assertBudgetLinesMatchAward(award.budgetLines, award.amount);
  if (action === 'CLOSE' && !award.finalReportSubmitted) {
    throw new FundingDomainError(
      FundingErrorCode.FINAL_REPORT_REQUIRED,
      'An award can be closed only after its final report has been submitted',
      { awardId: award.id },
    );
  }
  const trimmed = reason?.trim() ?? '';
  return {
    awardId: award.id,
    action,
    from: award.status,
    to: rule.to,
    by: actor.memberId,
    at,
    reason: trimmed === '' ? null : trimmed,
  };
}
