import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ALLOCATION_STATUSES,
  TIME_ACTIVITIES,
  TIME_UNITS,
  type TimeUnit,
  type AllocationStatus,
  type TimeActivity,
} from '@praxis/funding/domain';
import { ConnectionType } from '@praxis/platform/graphql';
import { MemberRef } from '../funding.refs';

export const AllocationStatusEnum = Object.fromEntries(ALLOCATION_STATUSES.map((s) => [s, s])) as Record<
  AllocationStatus,
  AllocationStatus
>;
registerEnumType(AllocationStatusEnum, { name: 'AllocationStatus' });
export const TimeActivityEnum = Object.fromEntries(TIME_ACTIVITIES.map((a) => [a, a])) as Record<
  TimeActivity,
  TimeActivity
>;
registerEnumType(TimeActivityEnum, { name: 'TimeActivity' });

export const TimeUnitEnum = Object.fromEntries(TIME_UNITS.map((u) => [u, u])) as Record<TimeUnit, TimeUnit>;
registerEnumType(TimeUnitEnum, {
  name: 'TimeUnit',
  description: 'HOURS, or PROGRAMMED_ACTIVITIES (1 PA = 4 hours)',
});

@ObjectType('ProtectedTimeAllocation')
export class AllocationObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  awardId!: string;

  @Field(() => MemberRef)
  member!: MemberRef;

  @Field(() => Float, { description: 'Hours a week (1 programmed activity = 4 hours)' })
  weeklyHours!: number;

  @Field({ description: 'YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'YYYY-MM-DD, inclusive' })
  to!: string;

  @Field(() => AllocationStatusEnum)
  status!: AllocationStatus;

  @Field(() => TimeUnitEnum, { description: 'The unit it was allocated in' })
  unit!: TimeUnit;

  @Field(() => Float, { description: 'Programmed activities a week (weeklyHours ÷ 4)' })
  weeklyProgrammedActivities!: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The allocation a mid-period change replaces from its start',
  })
  replacesAllocationId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a lead or an admin did not release the time (REJECTED only)',
  })
  decisionReason!: string | null;
}

export const AllocationConnection = ConnectionType(AllocationObject, 'ProtectedTimeAllocation');

@InputType()
export class WeeklyAmountInput {
  @Field(() => TimeUnitEnum)
  @IsIn(TIME_UNITS as unknown as string[])
  unit!: TimeUnit;

  @Field(() => Float, { description: 'Quarter hours, or quarter programmed activities' })
  @IsNumber()
  amount!: number;
}

@InputType()
export class AllocateProtectedTimeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an award id' })
  awardId!: string;

  @Field(() => ID, { description: "The principal investigator or a member of the award's team" })
  @IsUUID('all', { message: 'must be a member id' })
  memberId!: string;

  @Field(() => WeeklyAmountInput)
  @ValidateNested()
  @Type(() => WeeklyAmountInput)
  weekly!: WeeklyAmountInput;

  @Field({ description: 'YYYY-MM-DD' })
  @IsString()
  from!: string;

  @Field({ description: 'YYYY-MM-DD, inclusive' })
  @IsString()
  to!: string;
}

@InputType()
export class ChangeProtectedTimeInput {
  @Field(() => WeeklyAmountInput)
  @ValidateNested()
  @Type(() => WeeklyAmountInput)
  weekly!: WeeklyAmountInput;

  @Field({ description: 'YYYY-MM-DD, inside the allocation: the new amount runs from here to its end' })
  @IsString()
  effectiveFrom!: string;
}

@ObjectType('TimeLogEntry')
export class TimeLogObject {
  @Field(() => ID)
  id!: string;

  @Field()
  date!: string;

  @Field(() => Float)
  hours!: number;

  @Field(() => TimeActivityEnum)
  activity!: TimeActivity;

  @Field(() => String, { nullable: true, description: 'Private: only the member reads it' })
  note!: string | null;

  @Field({
    description: 'YYYY-MM-DD: the last day the entry can be edited or deleted (14 days after its date)',
  })
  editableUntil!: string;
}

@ObjectType('UtilisationWeek')
export class UtilisationObject {
  @Field({ description: 'ISO week, e.g. 2026-W48' })
  week!: string;

  @Field(() => Float)
  allocatedHours!: number;

  @Field(() => Float)
  loggedHours!: number;

  @Field(() => Float, { nullable: true, description: 'logged ÷ allocated; null when nothing was allocated' })
  utilisation!: number | null;

  @Field()
  complete!: boolean;
}

@ObjectType('UtilisationMonth')
export class UtilisationMonthObject {
  @Field({ description: 'Calendar month, e.g. 2026-11' })
  month!: string;

  @Field(() => Float)
  allocatedHours!: number;

  @Field(() => Float)
  loggedHours!: number;

  @Field(() => Float, { nullable: true, description: 'logged ÷ allocated; null when nothing was allocated' })
  utilisation!: number | null;

  @Field()
  complete!: boolean;
}

@ObjectType('MemberUtilisation')
export class MemberUtilisationObject {
  @Field(() => MemberRef)
  member!: MemberRef;

  @Field(() => [UtilisationObject], { description: 'One per ISO week of the range (at most two years)' })
  weeks!: UtilisationObject[];

  @Field({
    description: 'Protected time eroded: below the threshold for the configured number of complete weeks',
  })
  atRisk!: boolean;

  @Field(() => [UtilisationMonthObject], { description: 'One per calendar month of the range' })
  months!: UtilisationMonthObject[];

  @Field(() => Int, {
    nullable: true,
    description: 'Entries in the range that carry a note: for the member and admins (the notes stay private)',
  })
  notesLogged!: number | null;
}

@ObjectType('InstitutionUtilisationWeek')
export class InstitutionUtilisationWeekObject {
  @Field({ description: 'ISO week, e.g. 2026-W48' })
  week!: string;

  @Field(() => Int, { description: 'Members with approved protected time in the week' })
  members!: number;

  @Field(() => Float)
  allocatedHours!: number;

  @Field(() => Float, { description: 'Logged on days an approved allocation of the member covers' })
  loggedHours!: number;

  @Field(() => Float, { nullable: true, description: 'logged ÷ allocated; null when nothing was allocated' })
  utilisation!: number | null;

  @Field()
  complete!: boolean;
}

@ObjectType('InstitutionUtilisation')
export class InstitutionUtilisationObject {
  @Field(() => ID)
  institutionId!: string;

  @Field(() => [InstitutionUtilisationWeekObject], {
    description: 'One per ISO week of the range (at most two years), summed over the members',
  })
  weeks!: InstitutionUtilisationWeekObject[];
}

@InputType()
export class LogTimeInput {
  @Field({ description: 'YYYY-MM-DD; not in the future, at most 14 days ago' })
  @IsString()
  date!: string;

  @Field(() => Float, { description: 'Quarter hours' })
  @IsNumber()
  hours!: number;

  @Field(() => TimeActivityEnum)
  @IsIn(TIME_ACTIVITIES as unknown as string[])
  activity!: TimeActivity;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class LogWeekInput {
  @Field({ description: 'The Monday that starts the ISO week' })
  @IsString()
  weekStart!: string;

  @Field(() => [LogTimeInput], { description: 'Entries of that week; all are saved or none' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LogTimeInput)
  entries!: LogTimeInput[];
}

@ObjectType('ActivityHours')
export class ActivityHoursObject {
  @Field(() => TimeActivityEnum)
  activity!: TimeActivity;

  @Field(() => Float)
  hours!: number;
}

@ObjectType('EffortCertification', { description: "The member's dated confirmation of a period's figures" })
export class EffortCertificationObject {
  @Field({ description: 'YYYY-MM-DD' })
  certifiedOn!: string;

  @Field(() => Date)
  certifiedAt!: Date;

  @Field({ description: 'SHA-256 of the certified figures' })
  figuresDigest!: string;

  @Field({ description: 'False when a later correction changed the figures since they were certified' })
  matchesCurrentFigures!: boolean;
}

@ObjectType('EffortStatement', { description: "A member's protected time on an award for one award period" })
export class EffortStatementObject {
  @Field(() => Int)
  periodIndex!: number;

  @Field({ description: 'YYYY-MM-DD' })
  periodStart!: string;

  @Field({ description: 'YYYY-MM-DD, inclusive' })
  periodEnd!: string;

  @Field(() => Float)
  allocatedHours!: number;

  @Field(() => Float, { description: "Logged on this award's days (a day two awards cover is shared)" })
  loggedHours!: number;

  @Field(() => Float, { nullable: true })
  utilisation!: number | null;

  @Field(() => [ActivityHoursObject])
  byActivity!: ActivityHoursObject[];

  @Field(() => EffortCertificationObject, { nullable: true })
  certification!: EffortCertificationObject | null;
}
