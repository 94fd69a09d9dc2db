import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import { ConnectionType } from '@praxis/platform/graphql';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

/** Same name and values as membership's enum, so composition merges them. */
export const CareerStageEnum = enumOf(CAREER_STAGES);
registerEnumType(CareerStageEnum, { name: 'CareerStage' });

export const MENTOR_FORMATS = ['ONE_TO_ONE', 'GROUP'] as const;
export const MentorFormatEnum = enumOf(MENTOR_FORMATS);
registerEnumType(MentorFormatEnum, { name: 'MentorFormat' });

export const RelationshipKindEnum = enumOf(['MENTORING', 'SUPERVISION'] as const);
registerEnumType(RelationshipKindEnum, { name: 'RelationshipKind' });
export const RelationshipStatusEnum = enumOf(['REQUESTED', 'ACTIVE', 'DECLINED', 'ENDED'] as const);
registerEnumType(RelationshipStatusEnum, { name: 'RelationshipStatus' });
export const RelationshipOriginEnum = enumOf(['REQUEST', 'MATCHING', 'COMPETITION'] as const);
registerEnumType(RelationshipOriginEnum, { name: 'RelationshipOrigin' });
export const HealthEnum = enumOf(['ON_TRACK', 'AT_RISK'] as const);
registerEnumType(HealthEnum, { name: 'RelationshipHealth' });
export const MatchReasonKindEnum = enumOf([
  'SHARED_EXPERTISE',
  'SHARED_INTEREST',
  'SAME_SPECIALTY',
  'STAGE_GAP',
  'PREFERRED_STAGE',
  'REMAINING_CAPACITY',
  'OTHER_INSTITUTION',
] as const);
registerEnumType(MatchReasonKindEnum, { name: 'MatchReasonKind' });
export const FeedbackSideEnum = enumOf(['MENTOR', 'MENTEE'] as const);
registerEnumType(FeedbackSideEnum, { name: 'FeedbackSide', description: 'Who gave the feedback' });
export const UnmatchedReasonEnum = enumOf([
  'NO_ELIGIBLE_MENTOR',
  'BELOW_MIN_SCORE',
  'ELIGIBLE_MENTORS_FULL',
  'NOT_REPLICATED',
  'REMOVED',
] as const);
registerEnumType(UnmatchedReasonEnum, { name: 'UnmatchedReason' });
export const MatchRunStatusEnum = enumOf(['PROPOSED', 'APPROVED'] as const);
registerEnumType(MatchRunStatusEnum, { name: 'MatchRunStatus' });
export type MatchRunStatus = keyof typeof MatchRunStatusEnum;
export const SupervisionStatusEnum = enumOf(['PROPOSED', 'NO_MENTOR_AVAILABLE', 'CONFIRMED'] as const);
registerEnumType(SupervisionStatusEnum, { name: 'SupervisionProposalStatus' });
export type SupervisionStatus = keyof typeof SupervisionStatusEnum;
export const EnrolmentStatusEnum = enumOf(['ENROLLED', 'WAITLISTED'] as const);
registerEnumType(EnrolmentStatusEnum, { name: 'EnrolmentStatus' });
export const CoachingRequestKindEnum = enumOf(['CV_REVIEW', 'FOLLOW_UP'] as const);
registerEnumType(CoachingRequestKindEnum, { name: 'CoachingRequestKind' });

const STAGE_RULE = { message: `must be one of ${CAREER_STAGES.join(', ')}`, each: true };
const TERM_RULE = { each: true, message: 'each entry is 1 to 80 characters' };

/** Membership owns members; mentorship only points at them. */
@ObjectType('Member')
@Directive('@key(fields: "id", resolvable: false)')
export class MemberRef {
  @Field(() => ID)
  id!: string;
}

export function memberRef(id: string): MemberRef {
  return { id };
}

// ---------------------------------------------------------------------------------------------- profiles

@ObjectType('MentorProfile')
export class MentorProfileObject {
  @Field(() => MemberRef)
  member!: MemberRef;

  @Field(() => Int)
  capacity!: number;

  @Field(() => Int)
  activeMentees!: number;

  @Field(() => [String])
  expertise!: string[];

  @Field(() => [String])
  interests!: string[];

  @Field(() => [CareerStageEnum], { description: 'Empty means any stage' })
  menteeStages!: CareerStage[];

  @Field(() => [MentorFormatEnum])
  formats!: string[];

  @Field()
  acceptsDirectRequests!: boolean;

  @Field()
  paused!: boolean;
}

@InputType()
export class MentorProfileInput {
  @Field(() => Int, { description: 'Mentees at once, 1 to 10' })
  @IsInt()
  @Min(1, { message: 'must be at least 1; pause instead of setting 0' })
  @Max(10)
  capacity!: number;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 80, TERM_RULE)
  expertise!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 80, TERM_RULE)
  interests!: string[];

  @Field(() => [CareerStageEnum], { defaultValue: [], description: 'Stages you will mentor; empty = any' })
  @ArrayMaxSize(CAREER_STAGES.length)
  @IsIn(CAREER_STAGES, STAGE_RULE)
  menteeStages!: CareerStage[];

  @Field(() => [MentorFormatEnum], { defaultValue: ['ONE_TO_ONE'] })
  @ArrayMinSize(1, { message: 'must offer at least one format' })
  @ArrayMaxSize(2)
  @IsIn(MENTOR_FORMATS, { each: true, message: `must be one of ${MENTOR_FORMATS.join(', ')}` })
  formats!: string[];

  @Field({ defaultValue: true })
  @IsBoolean()
  acceptsDirectRequests!: boolean;

  @Field({ defaultValue: false, description: 'Paused mentors are never suggested nor matched' })
  @IsBoolean()
  paused!: boolean;
}

@ObjectType('MenteeProfile')
export class MenteeProfileObject {
  @Field(() => MemberRef)
  member!: MemberRef;

  @Field(() => [String])
  goals!: string[];

  @Field(() => [String])
  interests!: string[];

  @Field(() => [CareerStageEnum])
  preferredMentorStages!: CareerStage[];

  @Field()
  preferOtherInstitution!: boolean;
}

@InputType()
export class MenteeProfileInput {
  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 80, TERM_RULE)
  goals!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Empty: your membership interests are used' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 80, TERM_RULE)
  interests!: string[];

  @Field(() => [CareerStageEnum], { defaultValue: [] })
  @ArrayMaxSize(CAREER_STAGES.length)
  @IsIn(CAREER_STAGES, STAGE_RULE)
  preferredMentorStages!: CareerStage[];

  @Field({ defaultValue: false, description: 'Prefer a mentor at another institution' })
  @IsBoolean()
  preferOtherInstitution!: boolean;
}

@ObjectType('MatchReason')
export class MatchReasonObject {
  @Field(() => MatchReasonKindEnum)
  kind!: string;

  @Field()
  detail!: string;

  @Field(() => Int)
  points!: number;
}

@ObjectType('MentorSuggestion')
export class MentorSuggestionObject {
  @Field(() => MemberRef)
  mentor!: MemberRef;

  @Field(() => Int)
  score!: number;

  @Field(() => [MatchReasonObject])
  reasons!: MatchReasonObject[];

  @Field(() => Int)
  remainingCapacity!: number;
}

// ---------------------------------------------------------------------------------------------- relationships

@ObjectType('MentoringAgreement')
export class AgreementObject {
  @Field(() => [String])
  goals!: string[];

  @Field(() => Int)
  meetingCadenceDays!: number;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Boolean)
  mentorAgreed!: boolean;

  @Field(() => Boolean)
  menteeAgreed!: boolean;

  @Field(() => Boolean, { description: 'Both sides agreed' })
  agreed!: boolean;
}

@ObjectType('CheckIn')
export class CheckInObject {
  @Field(() => ID)
  id!: string;

  @Field(() => MemberRef)
  loggedBy!: MemberRef;

  @Field(() => Date)
  heldAt!: Date;

  @Field()
  progress!: string;

  @Field(() => Int, { nullable: true, description: '1-5; visible to the two only' })
  wellbeing!: number | null;

  @Field()
  nextSteps!: string;
}

@ObjectType('Feedback')
export class FeedbackObject {
  @Field(() => ID)
  id!: string;

  @Field(() => FeedbackSideEnum)
  side!: string;

  @Field()
  period!: string;

  @Field(() => MemberRef)
  author!: MemberRef;

  @Field(() => Int)
  rating!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Date)
  givenAt!: Date;
}

@ObjectType('GiveFeedbackResult')
export class GiveFeedbackResultObject {
  @Field(() => FeedbackObject)
  feedback!: FeedbackObject;

  @Field({ description: 'A low rating: the author may end the relationship and pick from fresh suggestions' })
  offerRePairing!: boolean;

  @Field(() => [MentorSuggestionObject], { description: 'For a mentee offered re-pairing; else empty' })
  suggestions!: MentorSuggestionObject[];
}

@ObjectType('Relationship')
@Directive('@key(fields: "id")')
export class RelationshipObject {
  @Field(() => ID)
  id!: string;

  @Field(() => MemberRef)
  mentor!: MemberRef;

  @Field(() => MemberRef)
  mentee!: MemberRef;

  @Field(() => RelationshipKindEnum)
  kind!: string;

  @Field(() => RelationshipOriginEnum)
  origin!: string;

  @Field(() => RelationshipStatusEnum)
  status!: string;

  @Field(() => HealthEnum, { nullable: true, description: 'For active relationships' })
  health!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastCheckInAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Private: the pair only' })
  requestMessage!: string | null;

  @Field(() => String, { nullable: true, description: 'Private: the pair only' })
  responseMessage!: string | null;

  @Field(() => String, { nullable: true, description: 'Private: the pair only' })
  endReason!: string | null;

  @Field(() => AgreementObject, { nullable: true, description: 'Private: the pair only' })
  agreement!: AgreementObject | null;

  /** Internal: whether the viewer is one of the pair (drives the private field resolvers). */
  viewerIsParticipant!: boolean;
}

@InputType()
export class RequestMentorInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a member id' })
  mentorId!: string;

  @Field({ description: 'Private to you and the mentor' })
  @IsString()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  message!: string;
}

@InputType()
export class AgreementInput {
  @Field(() => [String])
  @ArrayMinSize(1, { message: 'must list at least one goal' })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 300, { each: true, message: 'each goal is 1 to 300 characters' })
  goals!: string[];

  @Field(() => Int, { description: 'Days between check-ins, 7 to 90' })
  @IsInt()
  @Min(7)
  @Max(90)
  meetingCadenceDays!: number;

  @Field(() => Date)
  @Type(() => Date)
  @IsDate()
  endsAt!: Date;
}

@InputType()
export class CheckInInput {
  @Field(() => Date, { description: 'When the meeting was held; not in the future' })
  @Type(() => Date)
  @IsDate()
  heldAt!: Date;

  @Field()
  @IsString()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  progress!: string;

  @Field(() => Int, { nullable: true, description: '1-5, optional, visible to the two of you only' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  wellbeing?: number | null;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(4000)
  nextSteps!: string;
}

@InputType()
export class FeedbackInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

@ObjectType('MentorshipOverview', { description: 'Counts and ratings for admins; never any private text' })
export class OverviewObject {
  @Field(() => Int)
  requested!: number;

  @Field(() => Int)
  active!: number;

  @Field(() => Int)
  atRisk!: number;

  @Field(() => Int)
  ended!: number;

  @Field(() => Int)
  declined!: number;

  @Field(() => Int)
  checkIns!: number;

  @Field(() => Int)
  feedbackCount!: number;

  @Field(() => Float, { nullable: true })
  averageRating!: number | null;

  @Field(() => [Int], { description: 'Every rating given, oldest first' })
  ratings!: number[];

  @Field(() => Int)
  pendingSupervisionProposals!: number;
}

@ObjectType('RelationshipStats', { description: 'What an admin may see of one relationship' })
export class RelationshipStatsObject {
  @Field(() => ID)
  relationshipId!: string;

  @Field(() => Int)
  checkIns!: number;

  @Field(() => [Int])
  ratings!: number[];
}

// ---------------------------------------------------------------------------------------------- formal matching

@InputType()
export class RunMatchingInput {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true, message: 'each must be a member id' })
  menteeIds!: string[];

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true, message: 'each must be a member id' })
  mentorIds!: string[];

  @Field(() => Int, { defaultValue: 0, description: 'Pairs scoring below this are not made' })
  @IsInt()
  @Min(0)
  minScore!: number;
}

@ObjectType('MatchProposal')
export class MatchProposalObject {
  @Field(() => ID)
  id!: string;

  @Field(() => MemberRef)
  mentee!: MemberRef;

  @Field(() => MemberRef)
  mentor!: MemberRef;

  @Field(() => Int)
  score!: number;

  @Field(() => [MatchReasonObject])
  reasons!: MatchReasonObject[];

  @Field()
  edited!: boolean;

  @Field(() => ID, { nullable: true })
  relationshipId!: string | null;
}

@ObjectType('UnmatchedMentee')
export class UnmatchedMenteeObject {
  @Field(() => MemberRef)
  mentee!: MemberRef;

  @Field(() => UnmatchedReasonEnum)
  reason!: string;

  @Field()
  detail!: string;
}

@ObjectType('MatchRun')
@Directive('@key(fields: "id")')
export class MatchRunObject {
  @Field(() => ID)
  id!: string;

  @Field(() => MatchRunStatusEnum)
  status!: string;

  @Field(() => Int)
  totalScore!: number;

  @Field(() => [MatchProposalObject])
  proposals!: MatchProposalObject[];

  @Field(() => [UnmatchedMenteeObject])
  unmatched!: UnmatchedMenteeObject[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;
}

@ObjectType('SupervisionProposal')
export class SupervisionProposalObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  competitionId!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field()
  proposalTitle!: string;

  @Field(() => MemberRef, { description: 'The lead applicant of the winning proposal' })
  mentee!: MemberRef;

  @Field(() => MemberRef, { nullable: true })
  mentor!: MemberRef | null;

  @Field(() => Int)
  score!: number;

  @Field(() => [MatchReasonObject])
  reasons!: MatchReasonObject[];

  @Field(() => SupervisionStatusEnum)
  status!: string;

  @Field(() => ID, { nullable: true })
  relationshipId!: string | null;
}

// ---------------------------------------------------------------------------------------------- mastermind

@ObjectType('StageCount')
export class StageCountObject {
  @Field(() => CareerStageEnum)
  stage!: CareerStage;

  @Field(() => Int)
  count!: number;
}

@ObjectType('MastermindNextStep')
export class NextStepObject {
  @Field(() => ID)
  id!: string;

  @Field(() => MemberRef)
  member!: MemberRef;

  @Field()
  text!: string;

  @Field(() => Date)
  setAt!: Date;

  @Field(() => Date, { nullable: true })
  doneAt!: Date | null;

  @Field({ description: 'Reported done by its owner' })
  done!: boolean;
}

@ObjectType('MastermindSession')
@Directive('@key(fields: "id")')
export class MastermindSessionObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => Date)
  heldAt!: Date;

  @Field(() => [MemberRef])
  attendees!: MemberRef[];

  @Field(() => [String])
  resources!: string[];

  @Field(() => [String])
  referrals!: string[];

  @Field(() => [NextStepObject], { description: 'Steps set in this session' })
  nextSteps!: NextStepObject[];

  @Field(() => [NextStepObject], {
    description:
      'Steps carried over: set earlier and still open when this session began, with whether done now',
  })
  carriedOver!: NextStepObject[];

  @Field(() => Int)
  ratingCount!: number;

  @Field(() => Float, { nullable: true })
  averageRating!: number | null;

  @Field(() => Int, { nullable: true, description: 'Your own rating, if you gave one' })
  myRating!: number | null;
}

@ObjectType('MastermindGroup')
@Directive('@key(fields: "id")')
export class MastermindGroupObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => MemberRef)
  facilitator!: MemberRef;

  @Field(() => [MemberRef], { description: 'Members other than the facilitator' })
  members!: MemberRef[];

  @Field(() => Int)
  cadenceDays!: number;

  @Field(() => [String], { description: 'Interest tags, lower case (public: communities list the group)' })
  tags!: string[];

  @Field(() => Int, { description: 'People in the group, facilitator included' })
  size!: number;

  @Field(() => [StageCountObject], {
    description: 'Career stage mix (facilitator included), stages present only',
  })
  stageMix!: StageCountObject[];

  @Field(() => Int)
  distinctStages!: number;

  @Field(() => [NextStepObject], { description: 'Open next steps that the next session will review' })
  openNextSteps!: NextStepObject[];
}

@InputType()
export class CreateMastermindGroupInput {
  @Field()
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a member id' })
  facilitatorId!: string;

  @Field(() => [ID], { description: 'Members other than the facilitator; the group has 4 to 10 people' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each must be a member id' })
  memberIds!: string[];

  @Field(() => Int, { defaultValue: 28, description: 'Days between sessions' })
  @IsInt()
  @Min(7)
  @Max(90)
  cadenceDays!: number;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Interest tags; communities with one of them among their interests list the group (public)',
  })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 80, { each: true, message: 'each tag is 1 to 80 characters' })
  tags?: string[];
}

@InputType()
export class NextStepInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a member id' })
  memberId!: string;

  @Field()
  @IsString()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  text!: string;
}

@InputType()
export class MastermindSessionInput {
  @Field(() => Date)
  @Type(() => Date)
  @IsDate()
  heldAt!: Date;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'must list who attended' })
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true, message: 'each must be a member id' })
  attendeeIds!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true, message: 'each is 1 to 500 characters' })
  resources!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true, message: 'each is 1 to 500 characters' })
  referrals!: string[];

  @Field(() => [NextStepInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NextStepInput)
  nextSteps!: NextStepInput[];
}

// ---------------------------------------------------------------------------------------------- workshops

@ObjectType('ActionPlanAction')
export class ActionObject {
  @Field()
  text!: string;

  @Field(() => Date)
  dueDate!: Date;

  @Field()
  done!: boolean;
}

@ObjectType('ActionPlan')
export class ActionPlanObject {
  @Field(() => MemberRef)
  member!: MemberRef;

  @Field(() => [String])
  objectives!: string[];

  @Field(() => [ActionObject])
  actions!: ActionObject[];

  @Field(() => Int)
  percentDone!: number;

  @Field(() => Int)
  overdue!: number;
}

@ObjectType('WorkshopEnrolment')
export class EnrolmentObject {
  @Field(() => ID)
  workshopId!: string;

  @Field(() => MemberRef)
  member!: MemberRef;

  @Field(() => EnrolmentStatusEnum)
  status!: string;

  @Field(() => Int, { nullable: true, description: '1-based place on the waitlist' })
  waitlistPosition!: number | null;
}

@ObjectType('CoachingWorkshop')
@Directive('@key(fields: "id")')
export class CoachingWorkshopObject {
  @Field(() => ID)
  id!: string;

  @Field(() => MemberRef)
  coach!: MemberRef;

  @Field()
  title!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => Int)
  capacity!: number;

  @Field(() => [CareerStageEnum])
  eligibleStages!: CareerStage[];

  @Field(() => Int)
  enrolledCount!: number;

  @Field(() => Int)
  waitlistCount!: number;

  @Field(() => Date, { nullable: true })
  heldAt!: Date | null;

  @Field(() => EnrolmentObject, { nullable: true, description: 'Your own enrolment, if any' })
  myEnrolment!: EnrolmentObject | null;

  @Field(() => [EnrolmentObject], { description: 'For the coach and admins; empty for others' })
  enrolments!: EnrolmentObject[];
}

@InputType()
export class CreateWorkshopInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to you; admins may name another coach' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a member id' })
  coachId?: string | null;

  @Field(() => Int, { description: 'The coach graduated from medical school in this year (within 5 years)' })
  @IsInt()
  @Min(1950)
  @Max(2100)
  coachGraduationYear!: number;

  @Field()
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  title!: string;

  @Field(() => Date)
  @Type(() => Date)
  @IsDate()
  startsAt!: Date;

  @Field(() => Int, { defaultValue: 120 })
  @IsInt()
  durationMinutes!: number;

  @Field(() => Int, { defaultValue: 5 })
  @IsInt()
  capacity!: number;

  @Field(() => [CareerStageEnum], { defaultValue: ['MEDICAL_STUDENT'] })
  @ArrayMinSize(1)
  @IsIn(CAREER_STAGES, STAGE_RULE)
  eligibleStages!: CareerStage[];
}

@InputType()
export class ActionInput {
  @Field()
  @IsString()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  text!: string;

  @Field(() => Date)
  @Type(() => Date)
  @IsDate()
  dueDate!: Date;

  @Field({ defaultValue: false })
  @IsBoolean()
  done!: boolean;
}

@InputType()
export class ActionPlanInput {
  @Field(() => [String])
  @ArrayMaxSize(5)
  @IsString({ each: true })
  objectives!: string[];

  @Field(() => [ActionInput])
  @ArrayMaxSize(15)
  @ValidateNested({ each: true })
  @Type(() => ActionInput)
  actions!: ActionInput[];
}

@InputType()
export class CvReviewInput {
  @Field(() => String, { nullable: true, description: 'A link to the CV document' })
  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  documentUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Or the CV as text' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  text?: string | null;
}

@ObjectType('CoachingRequest')
export class CoachingRequestObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  workshopId!: string;

  @Field(() => MemberRef)
  student!: MemberRef;

  @Field(() => CoachingRequestKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true })
  documentUrl!: string | null;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => String, { nullable: true })
  response!: string | null;

  @Field(() => Date, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

// Every list that can grow is a connection (newest first unless said otherwise, at most MAX_PAGE_SIZE a page).
export const RelationshipConnection = ConnectionType(RelationshipObject, 'Relationship');
export const CheckInConnection = ConnectionType(CheckInObject, 'CheckIn');
export const FeedbackConnection = ConnectionType(FeedbackObject, 'Feedback');
export const MatchRunConnection = ConnectionType(MatchRunObject, 'MatchRun');
export const SupervisionProposalConnection = ConnectionType(SupervisionProposalObject, 'SupervisionProposal');
export const MastermindGroupConnection = ConnectionType(MastermindGroupObject, 'MastermindGroup');
export const MastermindSessionConnection = ConnectionType(MastermindSessionObject, 'MastermindSession');
export const CoachingWorkshopConnection = ConnectionType(CoachingWorkshopObject, 'CoachingWorkshop');
export const CoachingRequestConnection = ConnectionType(CoachingRequestObject, 'CoachingRequest');
