import type {
  AssignmentEntity,
  CompetitionEntity,
  ConflictEntity,
  JudgingAuditEntity,
  ProposalEntity,
  TeamInvitationEntity,
} from '@praxis/proposals/data-access';
import type { ConflictKind, InvitationStatus, NamedConflictStatus } from '@praxis/proposals/domain';
import {
  HandAssignmentRule,
  nextPhases,
  toMajorUnits,
  type CompetitionPhase,
} from '@praxis/proposals/domain';
import { toMoneyObject } from '@praxis/platform/graphql';
import type { JudgingAuditAction, ReviewAssignmentOrigin } from './judging.enums';
import type { HandAssignmentCheck, JudgeView } from './judging.service';
import type {
  AssignmentObject,
  AuditEntryObject,
  CompetitionObject,
  ConflictObject,
  HandAssignmentCheckObject,
  JudgeAssignmentObject,
  ProposalObject,
  TeamInvitationObject,
  ProposalStatus,
} from './proposals.objects';

export function toCompetitionObject(competition: CompetitionEntity): CompetitionObject {
  const phase = competition.phase as CompetitionPhase;
  return {
    id: competition.id,
    title: competition.title,
    description: competition.description,
    tags: competition.tags,
    phase,
    nextPhases: nextPhases(phase),
    opensAt: competition.opensAt,
    closesAt: competition.closesAt,
    judgingEndsAt: competition.judgingEndsAt,
    criteria: competition.criteria.map((criterion) => ({ ...criterion })),
    reviewsPerEntry: competition.reviewsPerEntry,
    judgeMaxLoad: competition.judgeMaxLoad,
    blind: competition.blind,
    winnersCount: competition.winnersCount,
    eligibility: {
      requiresInterInstitutionalTeam: competition.requiresInterInstitutionalTeam,
      maxTeamSize: competition.maxTeamSize,
      allowedCareerStages: competition.allowedCareerStages,
    },
    currency: competition.currency,
    fundingAvailable:
      competition.fundingAvailableMinor === null
        ? null
        : toMajorUnits(competition.fundingAvailableMinor, competition.currency),
    fundingAvailableMoney:
      competition.fundingAvailableMinor === null
        ? null
        : toMoneyObject({ amountMinor: competition.fundingAvailableMinor, currency: competition.currency }),
    protectedHoursAvailable: competition.protectedHoursAvailable,
    resultsPublishedAt: competition.resultsPublishedAt,
  };
}

/** Results stay null until publication froze them on the proposal; `feedback` is resolved on demand. */
export function toProposalObject(proposal: ProposalEntity): ProposalObject {
  return {
    id: proposal.id,
    competitionId: proposal.competitionId,
    status: proposal.status as ProposalStatus,
    title: proposal.title,
    summary: proposal.summary,
    aims: proposal.aims,
    methods: proposal.methods,
    expectedImpact: proposal.expectedImpact,
    keywords: proposal.keywords,
    leadApplicant: { id: proposal.leadApplicantId },
    team: proposal.teamMemberIds.map((id) => ({ id })),
    requestedFunding: toMajorUnits(proposal.requestedFundingMinor, proposal.currency),
    requestedFundingMoney: toMoneyObject({
      amountMinor: proposal.requestedFundingMinor,
      currency: proposal.currency,
    }),
    requestedHours: proposal.requestedHours,
    submittedVersion: proposal.submittedVersion,
    firstSubmittedAt: proposal.firstSubmittedAt,
    updatedAt: proposal.updatedAt,
    result:
      proposal.rank === null
        ? null
        : {
            rank: proposal.rank,
            isWinner: proposal.isWinner,
            normalisedScore: proposal.normalisedScore,
            meanRawScore: proposal.meanRawScore,
            reviewCount: proposal.reviewCount ?? 0,
          },
    feedback: null,
  };
}

/**
 * The judge's view is built from the frozen version only. In a blind competition it names nobody: no team,
 * no lead, no institution, and no link to the `Proposal` entity that would.
 */
export function toJudgeAssignmentObject({
  competition,
  proposal,
  version,
  review,
}: JudgeView): JudgeAssignmentObject {
  return {
    proposalId: proposal.id,
    competitionId: competition.id,
    competitionTitle: competition.title,
    blind: competition.blind,
    version: version.version,
    title: version.title,
    summary: version.summary,
    aims: version.aims,
    methods: version.methods,
    expectedImpact: version.expectedImpact,
    keywords: version.keywords,
    requestedFunding: toMajorUnits(version.requestedFundingMinor, proposal.currency),
    requestedFundingMoney: toMoneyObject({
      amountMinor: version.requestedFundingMinor,
      currency: proposal.currency,
    }),
    requestedHours: version.requestedHours,
    team: competition.blind ? null : version.teamMemberIds.map((id) => ({ id })),
    review: review
      ? {
          proposalId: proposal.id,
          scores: review.scores.map((score) => ({ criterionId: score.criterionId, value: score.value })),
          comment: review.comment,
          proposalVersion: review.proposalVersion,
          submittedAt: review.submittedAt,
          updatedAt: review.updatedAt,
        }
      : null,
  };
}

export function toAssignmentObject(assignment: AssignmentEntity, started: Set<string>): AssignmentObject {
  return {
    proposalId: assignment.proposalId,
    judgeId: assignment.judgeId,
    judge: { id: assignment.judgeId },
    origin: assignment.origin as ReviewAssignmentOrigin,
    reviewStarted: started.has(`${assignment.proposalId}:${assignment.judgeId}`),
    assignedAt: assignment.assignedAt,
  };
}

export function toConflictObject(conflict: ConflictEntity): ConflictObject {
  return {
    id: conflict.id,
    proposalId: conflict.proposalId,
    judgeId: conflict.judgeId,
    judge: { id: conflict.judgeId },
    kind: conflict.kind as ConflictKind,
    reason: conflict.reason,
    declaredBy: conflict.declaredBy,
    recordedAt: conflict.recordedAt,
    reviewStatus: conflict.reviewStatus as NamedConflictStatus | null,
    reviewedBy: conflict.reviewedBy,
    reviewedAt: conflict.reviewedAt,
    reviewReason: conflict.reviewReason,
  };
}

export function toAuditEntryObject(entry: JudgingAuditEntity): AuditEntryObject {
  return {
    id: entry.id,
    action: entry.action as JudgingAuditAction,
    actorId: entry.actorId,
    proposalId: entry.proposalId,
    judgeId: entry.judgeId,
    detail: JSON.stringify(entry.detail),
    at: entry.at,
  };
}

export function toTeamInvitationObject(
  invitation: TeamInvitationEntity,
  proposal: ProposalEntity,
): TeamInvitationObject {
  return {
    proposalId: proposal.id,
    proposalTitle: proposal.title,
    competitionId: proposal.competitionId,
    member: { id: invitation.memberId },
    leadApplicant: { id: proposal.leadApplicantId },
    invitedBy: { id: invitation.invitedBy },
    status: invitation.status as InvitationStatus,
    invitedAt: invitation.invitedAt,
    answeredAt: invitation.answeredAt,
  };
}

export function toHandAssignmentCheckObject(check: HandAssignmentCheck): HandAssignmentCheckObject {
  const kinds = [...new Set(check.conflicts.map((conflict) => conflict.kind))];
  return {
    allowed: check.violations.length === 0,
    refusals: check.violations.map((violation) => ({
      rule: violation.rule,
      message: violation.message,
      conflictKinds: violation.rule === HandAssignmentRule.CONFLICT_OF_INTEREST ? kinds : [],
    })),
  };
}
