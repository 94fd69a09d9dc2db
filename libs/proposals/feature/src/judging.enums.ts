/** How a judge came to review an entry; stored as is in `assignment.origin`. */
export enum ReviewAssignmentOrigin {
  AUTOMATIC = 'AUTOMATIC',
  MANUAL = 'MANUAL',
}

/**
 * Every action the judging audit log records. The stored values are the dotted strings on the left-hand
 * side of history; GraphQL shows the enum names.
 */
export enum JudgingAuditAction {
  JUDGE_ADDED = 'judge.added',
  CONFLICT_RECORDED = 'conflict.recorded',
  /** A recorded automatic conflict stopped holding (a member changed institution) and was taken off the record. */
  CONFLICT_CLEARED = 'conflict.cleared',
  /** A recorded automatic conflict still holds for another reason; its reason was rewritten. */
  CONFLICT_REVISED = 'conflict.revised',
  CONFLICT_DECLARED_BY_JUDGE = 'conflict.declared-by-judge',
  CONFLICT_NAMED_BY_APPLICANT = 'conflict.named-by-applicant',
  CONFLICT_NAMED_ACCEPTED = 'conflict.named.accepted',
  CONFLICT_NAMED_OVERRULED = 'conflict.named.overruled',
  ASSIGNMENT_RUN = 'assignment.run',
  ASSIGNMENT_ADDED = 'assignment.added',
  ASSIGNMENT_REMOVED = 'assignment.removed',
  SCORE_SUBMITTED = 'score.submitted',
  SCORE_EDITED = 'score.edited',
  RESULTS_PUBLISHED = 'results.published',
  COMPETITION_CANCELLED = 'competition.cancelled',
}
