import { isAdmin, type Principal } from '@praxis/platform/auth';
import type {
  ActionPlanEntity,
  CheckInEntity,
  CoachingRequestEntity,
  CoachingWorkshopEntity,
  FeedbackEntity,
  MastermindGroupEntity,
  MastermindNextStepEntity,
  MatchProposalEntity,
  MenteeProfileEntity,
  MentorProfileEntity,
  RelationshipEntity,
  SupervisionProposalEntity,
} from '@praxis/mentorship/data-access';
import type { MentorSuggestion, StageMix } from '@praxis/mentorship/domain';
import type { MatchRunView } from './matching.service';
import type { SessionView } from './mastermind.service';
import {
  memberRef,
  type ActionPlanObject,
  type CheckInObject,
  type CoachingRequestObject,
  type CoachingWorkshopObject,
  type EnrolmentObject,
  type FeedbackObject,
  type MastermindGroupObject,
  type MastermindSessionObject,
  type MatchProposalObject,
  type MatchRunObject,
  type MenteeProfileObject,
  type MentorProfileObject,
  type MentorSuggestionObject,
  type NextStepObject,
  type RelationshipObject,
  type SupervisionProposalObject,
} from './mentorship.objects';
import type { Viewer } from './relationships.service';
import type { EnrolmentView } from './workshops.service';

export function viewerOf(principal: Principal): Viewer {
  return { memberId: principal.memberId, isAdmin: isAdmin(principal) };
}

export function toMentorProfileObject(profile: MentorProfileEntity): MentorProfileObject {
  return {
    member: memberRef(profile.memberId),
    capacity: profile.capacity,
    activeMentees: profile.activeMentees,
    expertise: profile.expertise,
    interests: profile.interests,
    menteeStages: profile.menteeStages,
    formats: profile.formats,
    acceptsDirectRequests: profile.acceptsDirectRequests,
    paused: profile.paused,
  };
}

export function toMenteeProfileObject(profile: MenteeProfileEntity): MenteeProfileObject {
  return {
    member: memberRef(profile.memberId),
    goals: profile.goals,
    interests: profile.interests,
    preferredMentorStages: profile.preferredMentorStages,
    preferOtherInstitution: profile.preferOtherInstitution,
  };
}

export function toSuggestionObject(suggestion: MentorSuggestion): MentorSuggestionObject {
  return {
    mentor: memberRef(suggestion.mentorId),
    score: suggestion.score,
    reasons: suggestion.reasons.map((reason) => ({ ...reason })),
    remainingCapacity: suggestion.remainingCapacity,
  };
}

/** Private parts (messages, reason, agreement) are filled only for the two people in the relationship. */
export function toRelationshipObject(
  relationship: RelationshipEntity,
  viewer: Viewer,
  health: string | null,
): RelationshipObject {
  const participant = relationship.mentorId === viewer.memberId || relationship.menteeId === viewer.memberId;
  const hasAgreement =
    relationship.agreementCadenceDays !== null &&
    relationship.agreementEndsAt !== null &&
    relationship.agreementGoals !== null;
  return {
    id: relationship.id,
    mentor: memberRef(relationship.mentorId),
    mentee: memberRef(relationship.menteeId),
    kind: relationship.kind,
    origin: relationship.origin,
    status: relationship.status,
    health,
    startedAt: relationship.startedAt,
    endedAt: relationship.endedAt,
    lastCheckInAt: relationship.lastCheckInAt,
    requestMessage: participant ? relationship.requestMessage : null,
    responseMessage: participant ? relationship.responseMessage : null,
    endReason: participant ? relationship.endReason : null,
    agreement:
      participant && hasAgreement
        ? {
            goals: relationship.agreementGoals ?? [],
            meetingCadenceDays: relationship.agreementCadenceDays ?? 0,
            endsAt: relationship.agreementEndsAt as Date,
            mentorAgreed: relationship.mentorAgreedAt !== null,
            menteeAgreed: relationship.menteeAgreedAt !== null,
            agreed: relationship.mentorAgreedAt !== null && relationship.menteeAgreedAt !== null,
          }
        : null,
    viewerIsParticipant: participant,
  };
}

export function toCheckInObject(checkIn: CheckInEntity): CheckInObject {
  return {
    id: checkIn.id,
    loggedBy: memberRef(checkIn.loggedBy),
    heldAt: checkIn.heldAt,
    progress: checkIn.progress,
    wellbeing: checkIn.wellbeing,
    nextSteps: checkIn.nextSteps,
  };
}

export function toFeedbackObject(feedback: FeedbackEntity): FeedbackObject {
  return {
    id: feedback.id,
    side: feedback.side,
    period: feedback.period,
    author: memberRef(feedback.authorId),
    rating: feedback.rating,
    comment: feedback.comment,
    givenAt: feedback.givenAt,
  };
}

function toProposalObject(proposal: MatchProposalEntity): MatchProposalObject {
  return {
    id: proposal.id,
    mentee: memberRef(proposal.menteeId),
    mentor: memberRef(proposal.mentorId),
    score: proposal.score,
    reasons: proposal.reasons,
    edited: proposal.edited,
    relationshipId: proposal.relationshipId,
  };
}

export function toMatchRunObject({ run, proposals }: MatchRunView): MatchRunObject {
  return {
    id: run.id,
    status: run.status,
    totalScore: run.totalScore,
    proposals: proposals.map(toProposalObject),
    unmatched: run.unmatched.map((entry) => ({
      mentee: memberRef(entry.menteeId),
      reason: entry.reason,
      detail: entry.detail,
    })),
    createdAt: run.createdAt,
    approvedAt: run.approvedAt,
  };
}

export function toSupervisionObject(proposal: SupervisionProposalEntity): SupervisionProposalObject {
  return {
    id: proposal.id,
    competitionId: proposal.competitionId,
    proposalId: proposal.proposalId,
    proposalTitle: proposal.proposalTitle,
    mentee: memberRef(proposal.menteeId),
    mentor: proposal.mentorId ? memberRef(proposal.mentorId) : null,
    score: proposal.score,
    reasons: proposal.reasons,
    status: proposal.status,
    relationshipId: proposal.relationshipId,
  };
}

export function toNextStepObject(step: MastermindNextStepEntity): NextStepObject {
  return {
    id: step.id,
    member: memberRef(step.memberId),
    text: step.text,
    setAt: step.setAt,
    doneAt: step.doneAt,
    done: step.doneAt !== null,
  };
}

export function toGroupObject(
  group: MastermindGroupEntity,
  mix: StageMix,
  openSteps: MastermindNextStepEntity[],
): MastermindGroupObject {
  return {
    id: group.id,
    name: group.name,
    facilitator: memberRef(group.facilitatorId),
    members: group.memberIds.map(memberRef),
    cadenceDays: group.cadenceDays,
    tags: group.tags,
    size: group.memberIds.length + 1,
    stageMix: Object.entries(mix.counts)
      .filter(([, count]) => count > 0)
      .map(([stage, count]) => ({ stage: stage as keyof typeof mix.counts, count })),
    distinctStages: mix.distinctStages,
    openNextSteps: openSteps.map(toNextStepObject),
  };
}

export function toSessionObject(view: SessionView, viewerId: string): MastermindSessionObject {
  const ratings = view.ratings.map((rating) => rating.rating);
  return {
    id: view.session.id,
    groupId: view.session.groupId,
    heldAt: view.session.heldAt,
    attendees: view.session.attendeeIds.map(memberRef),
    resources: view.session.resources,
    referrals: view.session.referrals,
    nextSteps: view.nextSteps.map(toNextStepObject),
    carriedOver: view.carriedOver.map(toNextStepObject),
    ratingCount: ratings.length,
    averageRating: ratings.length ? ratings.reduce((sum, r) => sum + r, 0) / ratings.length : null,
    myRating: view.ratings.find((rating) => rating.memberId === viewerId)?.rating ?? null,
  };
}

export function toEnrolmentObject(view: EnrolmentView): EnrolmentObject {
  return {
    workshopId: view.workshopId,
    member: memberRef(view.memberId),
    status: view.status,
    waitlistPosition: view.waitlistPosition,
  };
}

export function toWorkshopObject(
  workshop: CoachingWorkshopEntity,
  enrolments: EnrolmentView[],
  viewer: Viewer,
): CoachingWorkshopObject {
  const mine = enrolments.find((enrolment) => enrolment.memberId === viewer.memberId);
  const privileged = viewer.isAdmin || viewer.memberId === workshop.coachId;
  return {
    id: workshop.id,
    coach: memberRef(workshop.coachId),
    title: workshop.title,
    startsAt: workshop.startsAt,
    durationMinutes: workshop.durationMinutes,
    capacity: workshop.capacity,
    eligibleStages: workshop.eligibleStages,
    enrolledCount: enrolments.filter((enrolment) => enrolment.status === 'ENROLLED').length,
    waitlistCount: enrolments.filter((enrolment) => enrolment.status === 'WAITLISTED').length,
    heldAt: workshop.heldAt,
    myEnrolment: mine ? toEnrolmentObject(mine) : null,
    enrolments: privileged ? enrolments.map(toEnrolmentObject) : [],
  };
}

export function toActionPlanObject(
  plan: ActionPlanEntity,
  progress: { percentDone: number; overdue: number },
): ActionPlanObject {
  return {
    member: memberRef(plan.memberId),
    objectives: plan.objectives,
    actions: plan.actions.map((action) => ({
      text: action.text,
      dueDate: new Date(action.dueDate),
      done: action.done,
    })),
    percentDone: progress.percentDone,
    overdue: progress.overdue,
  };
}

export function toCoachingRequestObject(request: CoachingRequestEntity): CoachingRequestObject {
  return {
    id: request.id,
    workshopId: request.workshopId,
    student: memberRef(request.memberId),
    kind: request.kind,
    documentUrl: request.documentUrl,
    text: request.text,
    response: request.response,
    respondedAt: request.respondedAt,
    createdAt: request.createdAt,
  };
}
