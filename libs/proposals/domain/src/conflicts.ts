import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';
import type { ValidationProblem } from './validation-problem';

export enum ConflictKind {
  JUDGE_ON_TEAM = 'JUDGE_ON_TEAM',
  SAME_INSTITUTION = 'SAME_INSTITUTION',
  DECLARED_BY_JUDGE = 'DECLARED_BY_JUDGE',
  NAMED_BY_APPLICANT = 'NAMED_BY_APPLICANT',
}

/**
 * The institution a judge names conflicts with entries from it whether or not a lead has confirmed it: an
 * unconfirmed institution counts for nothing in eligibility, but in a conflict of interest the doubt goes
 * against letting the judge review (so callers pass the institution as the replica holds it, confirmed or not;
 * the same for team members).
 */
export interface ConflictJudge {
  readonly memberId: string;
  readonly institutionId: string | null;
}

export interface ConflictTeamMember {
  readonly memberId: string;
  readonly institutionId: string | null;
}

/** A conflict somebody stated rather than one derived from profiles. */
export interface DeclaredConflict {
  readonly kind: ConflictKind.DECLARED_BY_JUDGE | ConflictKind.NAMED_BY_APPLICANT;
  readonly judgeId: string;
  readonly reason: string;
  /** An admin overruled the applicants' naming: it no longer counts. */
  readonly overruled?: boolean;
}

export interface ConflictOfInterest {
  readonly kind: ConflictKind;
  readonly judgeId: string;
  readonly reason: string;
  /** Team members involved (the judge for JUDGE_ON_TEAM, the colleagues for SAME_INSTITUTION). */
  readonly memberIds?: readonly string[];
}

/**
 * All conflicts between one judge and one proposal team. Declared conflicts for other judges are ignored,
 * so the caller may pass every conflict recorded against the proposal. An empty list means no conflict.
 */
export function findConflicts(
  judge: ConflictJudge,
  team: readonly ConflictTeamMember[],
  declared: readonly DeclaredConflict[] = [],
): ConflictOfInterest[] {
  const conflicts: ConflictOfInterest[] = [];
  if (team.some((member) => member.memberId === judge.memberId)) {
    conflicts.push({
      kind: ConflictKind.JUDGE_ON_TEAM,
      judgeId: judge.memberId,
      reason: 'The judge is a member of the proposal team.',
      memberIds: [judge.memberId],
    });
  }
  if (judge.institutionId !== null) {
    // The judge's own membership is already JUDGE_ON_TEAM; sharing an institution with oneself adds nothing.
    const colleagues = [
      ...new Set(
        team
          .filter(
            (member) => member.memberId !== judge.memberId && member.institutionId === judge.institutionId,
          )
          .map((member) => member.memberId),
      ),
    ];
    if (colleagues.length > 0) {
      conflicts.push({
        kind: ConflictKind.SAME_INSTITUTION,
        judgeId: judge.memberId,
        reason: `The judge works at the same institution (${judge.institutionId}) as team member${colleagues.length === 1 ? '' : 's'} ${colleagues.join(', ')}.`,
        memberIds: colleagues,
      });
    }
  }
  for (const declaration of declared) {
    if (declaration.judgeId !== judge.memberId || declaration.overruled === true) {
      continue;
    }
    const stated = declaration.reason.trim();
    const prefix =
      declaration.kind === ConflictKind.DECLARED_BY_JUDGE
        ? 'The judge declared a conflict of interest'
        : 'The applicants named this judge as conflicted';
    conflicts.push({
      kind: declaration.kind,
      judgeId: judge.memberId,
      reason: stated === '' ? `${prefix}.` : `${prefix}: ${stated}`,
    });
  }
  return conflicts;
}

export function hasConflict(
  judge: ConflictJudge,
  team: readonly ConflictTeamMember[],
  declared: readonly DeclaredConflict[] = [],
): boolean {
  return findConflicts(judge, team, declared).length > 0;
}

/** An (entry, judge) pair that must never be assigned. */
export interface ConflictedPair {
  readonly entryId: string;
  readonly judgeId: string;
}

export interface ConflictScreeningEntry {
  readonly entryId: string;
  readonly team: readonly ConflictTeamMember[];
  readonly declared?: readonly DeclaredConflict[];
}

/** Every conflicted (entry, judge) pair of a competition, ready to feed the judge assignment. */
export function conflictedPairs(
  entries: readonly ConflictScreeningEntry[],
  judges: readonly ConflictJudge[],
): ConflictedPair[] {
  const pairs: ConflictedPair[] = [];
  for (const entry of entries) {
    for (const judge of judges) {
      if (hasConflict(judge, entry.team, entry.declared ?? [])) {
        pairs.push({ entryId: entry.entryId, judgeId: judge.memberId });
      }
    }
  }
  return pairs;
}

/** An automatic conflict of one (entry, judge) pair and one kind, as recorded or as it holds now. */
export interface PairConflict {
  readonly proposalId: string;
  readonly judgeId: string;
  readonly reason: string;
}

/** How the record of some pairs' conflicts of one kind must change to say what holds now. */
export interface ConflictRecordChanges {
  /** Recorded, and no longer holds. */
  readonly cleared: PairConflict[];
  /** Holds, and is not recorded. */
  readonly added: PairConflict[];
  /** Recorded and still holds, for another reason (a colleague left, another joined). */
  readonly revised: Array<PairConflict & { readonly previousReason: string }>;
}

/**
 * Compares the recorded conflicts of some pairs with the ones that hold for the same pairs now (one kind, so
 * at most one per pair on each side). Nothing when they agree, so refreshing twice changes nothing the second time.
 */
export function conflictRecordChanges(
  recorded: readonly PairConflict[],
  holding: readonly PairConflict[],
): ConflictRecordChanges {
  const key = (conflict: PairConflict) => `${conflict.proposalId}\u0000${conflict.judgeId}`;
  const now = new Map(holding.map((conflict) => [key(conflict), conflict]));
  const before = new Map(recorded.map((conflict) => [key(conflict), conflict]));
  const revised: Array<PairConflict & { previousReason: string }> = [];
  for (const [pair, was] of before) {
    const is = now.get(pair);
    if (is && is.reason !== was.reason) revised.push({ ...is, previousReason: was.reason });
  }
  return {
    cleared: [...before].filter(([pair]) => !now.has(pair)).map(([, conflict]) => conflict),
    added: [...now].filter(([pair]) => !before.has(pair)).map(([, conflict]) => conflict),
    revised,
  };
}

/**
 * Applicants may name judges they consider conflicted, but a naming is an accusation an admin reviews: it
 * blocks the judge while PENDING (the applicants may be right) and once ACCEPTED, and stops counting once
 * OVERRULED.
 */
export enum NamedConflictStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  OVERRULED = 'OVERRULED',
}

export enum NamedConflictDecision {
  ACCEPT = 'ACCEPT',
  OVERRULE = 'OVERRULE',
}

export const REVIEW_REASON_LENGTH = { min: 3, max: 1000 } as const;

/**
 * The cap on judges one proposal may name, counted over all its submissions together (so resubmitting cannot
 * name more), so that applicants cannot empty the judge pool by naming everyone.
 */
export function namedConflictProblems(input: {
  readonly alreadyNamed: readonly string[];
  readonly naming: readonly string[];
  readonly cap: number;
}): ValidationProblem[] {
  const total = new Set([...input.alreadyNamed, ...input.naming]).size;
  if (total <= input.cap) return [];
  return [
    {
      field: 'conflictedJudges',
      rule: 'MAX_NAMED_CONFLICTS',
      message: `at most ${input.cap} judges may be named as conflicted per proposal (this would make ${total})`,
    },
  ];
}

/** An admin's decision on a named conflict: once, on a pending one, with a reason for the audit log. */
export function decideNamedConflict(
  conflict: { readonly kind: string; readonly status: string | null },
  decision: NamedConflictDecision,
  reason: string,
): NamedConflictStatus {
  if (conflict.kind !== ConflictKind.NAMED_BY_APPLICANT) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.NOT_A_NAMED_CONFLICT,
      `Only conflicts named by applicants are reviewed; this one is ${conflict.kind}.`,
      { kind: conflict.kind },
    );
  }
  if (conflict.status !== NamedConflictStatus.PENDING) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.NAMED_CONFLICT_ALREADY_REVIEWED,
      `This named conflict was already reviewed: it is ${conflict.status ?? 'unknown'}.`,
      { status: conflict.status },
    );
  }
  const trimmed = reason.trim();
  if (trimmed.length < REVIEW_REASON_LENGTH.min || trimmed.length > REVIEW_REASON_LENGTH.max) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.INVALID_REVIEW_REASON,
      `reason: must be ${REVIEW_REASON_LENGTH.min} to ${REVIEW_REASON_LENGTH.max} characters`,
      {
        problems: [
          {
            field: 'reason',
            rule: 'length',
            message: `must be ${REVIEW_REASON_LENGTH.min} to ${REVIEW_REASON_LENGTH.max} characters`,
          },
        ],
      },
    );
  }
  return decision === NamedConflictDecision.ACCEPT
    ? NamedConflictStatus.ACCEPTED
    : NamedConflictStatus.OVERRULED;
}
