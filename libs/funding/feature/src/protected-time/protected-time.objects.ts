import { Field, Float, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ALLOCATION_STATUSES,
  TIME_ACTIVITIES,
  type AllocationStatus,
  type TimeActivity,
} from '@praxis/funding/domain';
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
