import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import { ConnectionType, MoneyInput, MoneyObject } from '@praxis/platform/graphql';
import {
  CompetitionPhase,
  ConflictKind,
  HandAssignmentRule,
  InvitationStatus,
  NamedConflictDecision,
  NamedConflictStatus,
} from '@praxis/proposals/domain';
import { JudgingAuditAction, ReviewAssignmentOrigin } from './judging.enums';

export const CareerStageEnum = Object.fromEntries(CAREER_STAGES.map((value) => [value, value])) as Record<
  CareerStage,
  CareerStage
>;
registerEnumType(CareerStageEnum, { name: 'CareerStage' });
registerEnumType(CompetitionPhase, { name: 'CompetitionPhase' });

export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ProposalStatus, { name: 'ProposalStatus' });
registerEnumType(NamedConflictStatus, {
  name: 'NamedConflictStatus',
  description: 'An admin’s review of a judge the applicants named: PENDING (blocks), ACCEPTED, OVERRULED',
});
registerEnumType(NamedConflictDecision, { name: 'NamedConflictDecision' });
registerEnumType(ConflictKind, { name: 'ConflictKind' });
registerEnumType(HandAssignmentRule, {
  name: 'HandAssignmentRule',
  description:
    'Why a judge of the pool cannot be given an entry by hand (`assignJudge` names it at `judgeId`)',
});
registerEnumType(ReviewAssignmentOrigin, {
  name: 'AssignmentOrigin',
  description: 'How a judge came to review an entry',
});
registerEnumType(JudgingAuditAction, { name: 'JudgingAuditAction' });
registerEnumType(InvitationStatus, {
  name: 'TeamInvitationStatus',
  description: 'Only ACCEPTED members are on the team (and count for eligibility)',
});

/** Membership owns members; this subgraph only points at them. */
@ObjectType('Member')
@Directive('@key(fields: "id", resolvable: false)')
export class MemberRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('RubricCriterion')
export class CriterionObject {
  @Field(() => ID, { description: 'What score sheets refer to (criterionId)' })
  id!: string;

  @Field()
  name!: string;

  @Field()
  guidance!: string;

  @Field(() => Float)
  weight!: number;

  @Field(() => Int)
  scaleMin!: number;

  @Field(() => Int)
  scaleMax!: number;
}

@ObjectType('EligibilityRules')
export class EligibilityObject {
  @Field()
  requiresInterInstitutionalTeam!: boolean;

  @Field(() => Int)
  maxTeamSize!: number;

  @Field(() => [CareerStageEnum], { description: 'Empty: every career stage may enter' })
  allowedCareerStages!: CareerStage[];
}

@ObjectType('Competition')
@Directive('@key(fields: "id")')
export class CompetitionObject {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [String], { description: 'Interest tags, lower case' })
  tags!: string[];

  @Field(() => CompetitionPhase)
  phase!: CompetitionPhase;

  @Field(() => [CompetitionPhase], { description: 'Phases an admin may move to next (dates permitting)' })
  nextPhases!: CompetitionPhase[];

  @Field()
  opensAt!: Date;

  @Field()
  closesAt!: Date;

  @Field()
  judgingEndsAt!: Date;

  @Field(() => [CriterionObject])
  criteria!: CriterionObject[];

  @Field(() => Int)
  reviewsPerEntry!: number;

  @Field(() => Int)
  judgeMaxLoad!: number;

  @Field({ description: 'Judges see no team names, institutions or anything identifying' })
  blind!: boolean;

  @Field(() => Int)
  winnersCount!: number;

  @Field(() => EligibilityObject)
  eligibility!: EligibilityObject;

  @Field({ description: 'ISO 4217 currency of every amount in the competition' })
  currency!: string;

  @Field(() => Float, {
    nullable: true,
    deprecationReason: 'A float in major units; use fundingAvailableMoney (integer minor units and currency)',
  })
  fundingAvailable!: number | null;

  @Field(() => MoneyObject, { nullable: true })
  fundingAvailableMoney!: MoneyObject | null;

  @Field(() => Float, { nullable: true })
  protectedHoursAvailable!: number | null;

  @Field(() => Date, { nullable: true })
  resultsPublishedAt!: Date | null;
}

@ObjectType('CriterionScore')
export class CriterionScoreObject {
  @Field(() => ID)
  criterionId!: string;

  @Field(() => Int)
  value!: number;
}

@ObjectType('ProposalResult', { description: 'Filled once the competition publishes its results' })
export class ProposalResultObject {
  @Field(() => Int)
  rank!: number;

  @Field()
  isWinner!: boolean;

  @Field(() => Float, { nullable: true, description: 'Mean of the reviews’ per-judge z-scores' })
  normalisedScore!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean weighted total, 0 to 100' })
  meanRawScore!: number | null;

  @Field(() => Int)
  reviewCount!: number;
}

@ObjectType('ReviewFeedback', { description: 'A review as applicants see it after publication: anonymised' })
export class ReviewFeedbackObject {
  @Field({ description: 'Reviewer 1, Reviewer 2, … (no judge identity)' })
  reviewer!: string;

  @Field(() => Float, { description: 'Weighted total, 0 to 100' })
  total!: number;

  @Field(() => [CriterionScoreObject])
  scores!: CriterionScoreObject[];

  @Field()
  comment!: string;
}

@ObjectType('Proposal')
@Directive('@key(fields: "id")')
export class ProposalObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  competitionId!: string;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field()
  aims!: string;

  @Field()
  methods!: string;

  @Field()
  expectedImpact!: string;

  @Field(() => [String])
  keywords!: string[];

  @Field(() => MemberRef)
  leadApplicant!: MemberRef;

  @Field(() => [MemberRef])
  team!: MemberRef[];

  @Field(() => Float, {
    deprecationReason: 'A float in major units; use requestedFundingMoney (integer minor units and currency)',
  })
  requestedFunding!: number;

  @Field(() => MoneyObject)
  requestedFundingMoney!: MoneyObject;

  @Field(() => Float)
  requestedHours!: number;

  @Field(() => Int, { description: 'Latest submitted version; 0 while never submitted' })
  submittedVersion!: number;

  @Field(() => Date, { nullable: true })
  firstSubmittedAt!: Date | null;

  @Field()
  updatedAt!: Date;

  @Field(() => ProposalResultObject, { nullable: true, description: 'Null until results are published' })
  result!: ProposalResultObject | null;

  @Field(() => [ReviewFeedbackObject], {
    nullable: true,
    description: 'Scores and comments; null until results are published',
  })
  feedback!: ReviewFeedbackObject[] | null;

  // invitations: a connection, resolved by ProposalResolver.invitations
}

@ObjectType('TeamInvitation', {
  description: 'An invitation to a proposal team, answered by the invitee only',
})
export class TeamInvitationObject {
  @Field(() => ID)
  proposalId!: string;

  @Field()
  proposalTitle!: string;

  @Field(() => ID)
  competitionId!: string;

  @Field(() => MemberRef)
  member!: MemberRef;

  @Field(() => MemberRef)
  leadApplicant!: MemberRef;

  @Field(() => MemberRef)
  invitedBy!: MemberRef;

  @Field(() => InvitationStatus)
  status!: InvitationStatus;

  @Field()
  invitedAt!: Date;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;
}

@ObjectType('JudgeReview', { description: 'The signed-in judge’s own score sheet' })
export class JudgeReviewObject {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => [CriterionScoreObject])
  scores!: CriterionScoreObject[];

  @Field()
  comment!: string;

  @Field(() => Int, { description: 'The proposal version that was scored' })
  proposalVersion!: number;

  @Field()
  submittedAt!: Date;

  @Field()
  updatedAt!: Date;
}

/**
 * A proposal as its judge sees it: the latest submitted version. In a blind competition `team` is null and no
 * other field names anyone; this type deliberately has no link to `Proposal` or to members.
 */
@ObjectType('JudgeAssignment')
export class JudgeAssignmentObject {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID)
  competitionId!: string;

  @Field()
  competitionTitle!: string;

  @Field()
  blind!: boolean;

  @Field(() => Int)
  version!: number;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field()
  aims!: string;

  @Field()
  methods!: string;

  @Field()
  expectedImpact!: string;

  @Field(() => [String])
  keywords!: string[];

  @Field(() => Float, {
    deprecationReason: 'A float in major units; use requestedFundingMoney (integer minor units and currency)',
  })
  requestedFunding!: number;

  @Field(() => MoneyObject)
  requestedFundingMoney!: MoneyObject;

  @Field(() => Float)
  requestedHours!: number;

  @Field(() => [MemberRef], { nullable: true, description: 'Null in blind competitions' })
  team!: MemberRef[] | null;

  @Field(() => JudgeReviewObject, { nullable: true })
  review!: JudgeReviewObject | null;
}

@ObjectType('HandAssignmentRefusal')
export class HandAssignmentRefusalObject {
  @Field(() => HandAssignmentRule)
  rule!: HandAssignmentRule;

  @Field({ description: 'In the words `assignJudge` would refuse with' })
  message!: string;

  @Field(() => [ConflictKind], {
    description: 'For CONFLICT_OF_INTEREST, every kind of conflict found; empty for the other rules',
  })
  conflictKinds!: ConflictKind[];
}

@ObjectType('HandAssignmentCheck', {
  description:
    'Whether `assignJudge` would give this judge the entry, from the same check, and every reason not',
})
export class HandAssignmentCheckObject {
  @Field()
  allowed!: boolean;

  @Field(() => [HandAssignmentRefusalObject])
  refusals!: HandAssignmentRefusalObject[];
}

@ObjectType('CompetitionJudge')
export class CompetitionJudgeObject {
  @Field(() => ID)
  competitionId!: string;

  @Field(() => MemberRef)
  judge!: MemberRef;

  @Field()
  addedAt!: Date;

  /** The entry `competitionJudges(proposalId:)` was asked for; `handAssignment` checks the judge against it. */
  forProposalId?: string | null;
}

@ObjectType('ConflictOfInterest')
export class ConflictObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID)
  judgeId!: string;

  @Field(() => MemberRef, { description: 'The judge (resolved by membership)' })
  judge!: MemberRef;

  @Field(() => ConflictKind)
  kind!: ConflictKind;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'Null for automatic conflicts' })
  declaredBy!: string | null;

  @Field()
  recordedAt!: Date;

  @Field(() => NamedConflictStatus, { nullable: true, description: 'Named by applicants only' })
  reviewStatus!: NamedConflictStatus | null;

  @Field(() => ID, { nullable: true, description: 'The admin who accepted or overruled it' })
  reviewedBy!: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true })
  reviewReason!: string | null;
}

@ObjectType('ReviewAssignment')
export class AssignmentObject {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID)
  judgeId!: string;

  @Field(() => MemberRef, { description: 'The judge (resolved by membership)' })
  judge!: MemberRef;

  @Field(() => ReviewAssignmentOrigin)
  origin!: ReviewAssignmentOrigin;

  @Field()
  reviewStarted!: boolean;

  @Field()
  assignedAt!: Date;
}

@ObjectType('AssignmentRun')
export class AssignmentRunObject {
  @Field(() => [AssignmentObject])
  assignments!: AssignmentObject[];

  @Field(() => Int, { description: 'Started reviews kept as they were' })
  keptStarted!: number;

  @Field(() => Int)
  minLoad!: number;

  @Field(() => Int)
  maxLoad!: number;

  @Field(() => Float)
  totalAffinity!: number;
}

@ObjectType('JudgingAuditEntry')
export class AuditEntryObject {
  @Field(() => ID)
  id!: string;

  @Field(() => JudgingAuditAction)
  action!: JudgingAuditAction;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => ID, { nullable: true })
  proposalId!: string | null;

  @Field(() => ID, { nullable: true })
  judgeId!: string | null;

  @Field({ description: 'JSON' })
  detail!: string;

  @Field()
  at!: Date;
}

@ObjectType('RankedEntry')
export class RankedEntryObject {
  @Field(() => Int)
  rank!: number;

  @Field(() => ID)
  proposalId!: string;

  @Field()
  title!: string;

  @Field(() => Float, { nullable: true })
  normalisedScore!: number | null;

  @Field(() => Float, { nullable: true })
  meanRawScore!: number | null;

  @Field(() => Int)
  reviewCount!: number;

  @Field()
  isWinner!: boolean;

  @Field()
  submittedAt!: Date;
}

@ObjectType('CompetitionRanking')
export class RankingObject {
  @Field(() => ID)
  competitionId!: string;

  @Field({ description: 'False while judging: a provisional ranking visible to admins only' })
  published!: boolean;
}

export const RankedEntryConnection = ConnectionType(RankedEntryObject, 'RankedEntry');

// ---------------------------------------------------------------- inputs

@InputType()
export class CriterionInput {
  @Field()
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  name!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  guidance!: string;

  @Field(() => Float)
  @IsNumber({}, { message: 'must be a number' })
  weight!: number;

  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  scaleMin!: number;

  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  scaleMax!: number;
}

@InputType()
export class EligibilityInput {
  @Field({ defaultValue: false })
  @IsBoolean()
  requiresInterInstitutionalTeam!: boolean;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(50, { message: 'must be at most 50' })
  maxTeamSize!: number;

  @Field(() => [CareerStageEnum], { defaultValue: [] })
  @IsIn(CAREER_STAGES, { each: true, message: `each must be one of ${CAREER_STAGES.join(', ')}` })
  allowedCareerStages!: CareerStage[];
}

@InputType()
export class CompetitionDatesInput {
  @Field()
  @IsDate({ message: 'must be a date-time' })
  opensAt!: Date;

  @Field()
  @IsDate({ message: 'must be a date-time' })
  closesAt!: Date;

  @Field()
  @IsDate({ message: 'must be a date-time' })
  judgingEndsAt!: Date;
}

@InputType()
export class CreateCompetitionInput extends CompetitionDatesInput {
  @Field()
  @IsString()
  @Length(3, 200, { message: 'must be 3 to 200 characters' })
  title!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10000)
  description!: string;

  @Field(() => [CriterionInput])
  @ArrayMinSize(1, { message: 'needs at least one criterion' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria!: CriterionInput[];

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(20)
  reviewsPerEntry!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(1000)
  judgeMaxLoad!: number;

  @Field({ defaultValue: false })
  @IsBoolean()
  blind!: boolean;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'must be 0 or more' })
  @Max(1000)
  winnersCount!: number;

  @Field(() => EligibilityInput)
  @ValidateNested()
  @Type(() => EligibilityInput)
  eligibility!: EligibilityInput;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217 code of every amount in the competition; the configured default when omitted',
  })
  @IsOptional()
  @IsString()
  currency?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'In major units of the currency, with no more decimals than it has (e.g. 2 for GBP)',
    deprecationReason:
      "A float in major units; use fundingAvailableMoney (integer minor units in the competition's currency)",
  })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: 'must be 0 or more' })
  fundingAvailable?: number | null;

  @Field(() => MoneyInput, {
    nullable: true,
    description:
      "Integer minor units (0 or more) in the competition's currency (the currency above, else the default); give it or the deprecated fundingAvailable, not both; neither is no stated amount",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  fundingAvailableMoney?: MoneyInput | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: 'must be 0 or more' })
  protectedHoursAvailable?: number | null;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Interest tags; communities with one of them among their interests list the competition',
  })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 80, { each: true, message: 'each tag is 1 to 80 characters' })
  tags?: string[];
}

@InputType()
export class SaveProposalDraftInput {
  @Field(() => ID, { nullable: true, description: 'Omit to start a new draft' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a proposal' })
  id?: string | null;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a competition' })
  competitionId!: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(5000)
  summary!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10000)
  aims!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(20000)
  methods!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10000)
  expectedImpact!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 80, { each: true, message: 'each keyword is 1 to 80 characters' })
  keywords!: string[];

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a member id' })
  leadApplicantId!: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The team wanted (the lead is added if missing): members not on it yet are invited and join by accepting; members left out are removed. Left out of an edit (id given), the team and its invitations stay as they are; a new proposal without it has its author alone',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be a member id' })
  teamMemberIds?: string[] | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "In major units of the competition's currency, with no more decimals than it has; 0 when neither this nor requestedFundingMoney is given",
    deprecationReason:
      "A float in major units; use requestedFundingMoney (integer minor units in the competition's currency)",
  })
  @IsOptional()
  @IsNumber()
  @Min(0, { message: 'must be 0 or more' })
  requestedFunding?: number | null;

  @Field(() => MoneyInput, {
    nullable: true,
    description:
      "Integer minor units (0 or more) in the competition's currency; give it or the deprecated requestedFunding, not both",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  requestedFundingMoney?: MoneyInput | null;

  @Field(() => Float, { defaultValue: 0 })
  @IsNumber()
  @Min(0, { message: 'must be 0 or more' })
  requestedHours!: number;
}

@InputType({ description: 'A judge the applicants consider conflicted, named at submission' })
export class NamedConflictInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a member id' })
  judgeId!: string;

  @Field()
  @IsString()
  @Length(3, 1000, { message: 'must be 3 to 1000 characters' })
  reason!: string;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => ID)
  @IsString()
  criterionId!: string;

  @Field(() => Int)
  @IsNumber({}, { message: 'must be a number' })
  value!: number;
}

@InputType()
export class SubmitScoresInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a proposal' })
  proposalId!: string;

  @Field(() => [CriterionScoreInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInput)
  scores!: CriterionScoreInput[];

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10000)
  comment!: string;
}

// Every list that can grow is a connection (newest first, at most MAX_PAGE_SIZE a page): one type per node.
export const CompetitionConnection = ConnectionType(CompetitionObject, 'Competition');
export const ProposalConnection = ConnectionType(ProposalObject, 'Proposal');
export const TeamInvitationConnection = ConnectionType(TeamInvitationObject, 'TeamInvitation');
export const CompetitionJudgeConnection = ConnectionType(CompetitionJudgeObject, 'CompetitionJudge');
export const ConflictConnection = ConnectionType(ConflictObject, 'ConflictOfInterest');
export const AssignmentConnection = ConnectionType(AssignmentObject, 'ReviewAssignment');
export const JudgeAssignmentConnection = ConnectionType(JudgeAssignmentObject, 'JudgeAssignment');
export const AuditEntryConnection = ConnectionType(AuditEntryObject, 'JudgingAuditEntry');
