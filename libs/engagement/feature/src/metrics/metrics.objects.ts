import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ACTIVITIES, GRANULARITIES, type Activity, type Granularity } from '@praxis/engagement/domain';
import { InstitutionRef } from '../engagement.refs';
import { DIMENSIONS, type Dimension } from './dimensions';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const GranularityEnum = enumOf(GRANULARITIES);
registerEnumType(GranularityEnum, { name: 'Granularity', description: 'Calendar buckets, UTC' });
export const FunnelStepEnum = enumOf(ACTIVITIES);
registerEnumType(FunnelStepEnum, {
  name: 'FunnelStep',
  description: 'The funnel in order; MENTORED (an active mentoring relationship) stands beside it',
});
export const DimensionEnum = enumOf(DIMENSIONS);
registerEnumType(DimensionEnum, {
  name: 'EngagementDimension',
  description:
    'What a funnel is split by. Demographic dimensions give aggregates only, with "NOT_ANSWERED" as a group',
});

/** The scope, period and granularity every metric takes. */
@InputType()
export class EngagementMetricsInput {
  @Field(() => ID, { nullable: true, description: 'The institution; omit for the whole network (admins)' })
  @IsOptional()
  @IsUUID()
  institutionId?: string | null;

  @Field({ description: 'Start of the period; snapped back to the start of its bucket' })
  @Type(() => Date)
  @IsDate()
  from!: Date;

  @Field({ description: 'End of the period (exclusive); snapped forward to the end of a bucket' })
  @Type(() => Date)
  @IsDate()
  to!: Date;

  @Field(() => GranularityEnum)
  @IsIn(GRANULARITIES)
  granularity!: Granularity;
}

@InputType()
export class EngagementFunnelInput extends EngagementMetricsInput {
  @Field(() => DimensionEnum, { nullable: true, defaultValue: 'NONE' })
  @IsOptional()
  @IsIn(DIMENSIONS)
  splitBy?: Dimension | null;
}

@ObjectType('FunnelStepFigure', {
  description:
    'A count as released: null when suppressed (fewer than the threshold, or hidden so one cannot be worked out)',
})
export class FunnelStepFigureObject {
  @Field(() => FunnelStepEnum)
  step!: Activity;

  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Fraction of the previous step; null when either is suppressed',
  })
  fromPrevious!: number | null;

  @Field(() => Float, { nullable: true, description: 'Fraction of members; null when either is suppressed' })
  fromMembers!: number | null;
}

@ObjectType('NetworkStepFigure')
export class NetworkStepFigureObject {
  @Field(() => FunnelStepEnum)
  step!: Activity;

  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field({ description: 'Withheld when the rest of the network is small' })
  suppressed!: boolean;
}

@ObjectType('FunnelGroup')
export class FunnelGroupObject {
  @Field({ description: 'The group: a career stage, an institution id or a demographic answer' })
  group!: string;

  @Field(() => InstitutionRef, {
    nullable: true,
    description:
      'The institution, named by membership, when the funnel is split by INSTITUTION; null for other splits (and, with an error beside it, if membership cannot say)',
  })
  institution!: InstitutionRef | null;

  @Field(() => [FunnelStepFigureObject])
  steps!: FunnelStepFigureObject[];
}

@ObjectType('FunnelBucket')
export class FunnelBucketObject {
  @Field({ description: '2026-03, 2026-Q1 or 2026' })
  label!: string;

  @Field()
  start!: Date;

  @Field()
  end!: Date;

  @Field(() => [FunnelStepFigureObject])
  steps!: FunnelStepFigureObject[];

  @Field(() => [FunnelGroupObject], { description: 'Empty unless split' })
  groups!: FunnelGroupObject[];

  @Field(() => [NetworkStepFigureObject], {
    description: "The network's figures beside an institution's (empty for the network itself)",
  })
  network!: NetworkStepFigureObject[];
}

@ObjectType('EngagementFunnel')
export class EngagementFunnelObject {
  @Field(() => ID, { nullable: true })
  institutionId!: string | null;

  @Field(() => GranularityEnum)
  granularity!: Granularity;

  @Field(() => DimensionEnum)
  splitBy!: Dimension;

  @Field(() => Int, { description: 'Counts from 1 to this minus 1 are suppressed' })
  suppressionThreshold!: number;

  @Field(() => [FunnelBucketObject])
  buckets!: FunnelBucketObject[];
}
