import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsUUID } from 'class-validator';
import { InstitutionRef } from '../engagement.refs';
import { CareerStageLineObject } from '../figures/figure.objects';

export const OVERVIEW_FIGURES = [
  'ENTRIES',
  'INTER_INSTITUTIONAL_ENTRIES',
  'REVIEWS_SUBMITTED',
  'MEMBERS',
  'ACTIVE_MENTEES',
  'REQUESTS_ACCEPTED',
  'REQUESTS_DECLINED',
  'AT_RISK_RELATIONSHIPS',
  'CHECK_INS_HELD',
  'CHECK_INS_EXPECTED',
  'FEEDBACK_RATINGS',
] as const;
export type OverviewFigureKind = (typeof OVERVIEW_FIGURES)[number];
export const OverviewFigureKindEnum = Object.fromEntries(
  OVERVIEW_FIGURES.map((kind) => [kind, kind]),
) as Record<OverviewFigureKind, OverviewFigureKind>;
registerEnumType(OverviewFigureKindEnum, { name: 'OverviewFigureKind' });

export const OVERVIEW_RATES = [
  'INTER_INSTITUTIONAL_SHARE',
  'MENTORED_SHARE',
  'CHECK_IN_ADHERENCE',
  'AVERAGE_FEEDBACK_RATING',
] as const;
export type OverviewRateKind = (typeof OVERVIEW_RATES)[number];
export const OverviewRateKindEnum = Object.fromEntries(OVERVIEW_RATES.map((kind) => [kind, kind])) as Record<
  OverviewRateKind,
  OverviewRateKind
>;
registerEnumType(OverviewRateKindEnum, {
  name: 'OverviewRateKind',
  description:
    'Shares and adherence are fractions; the average rating is 1 to 5. Null when a count it needs is suppressed',
});

@InputType()
export class EngagementOverviewInput {
  @Field(() => ID, { nullable: true, description: 'The institution; omit for the whole network (admins)' })
  @IsOptional()
  @IsUUID()
  institutionId?: string | null;

  @Field()
  @Type(() => Date)
  @IsDate()
  from!: Date;

  @Field({ description: 'Exclusive' })
  @Type(() => Date)
  @IsDate()
  to!: Date;
}

@ObjectType('OverviewFigure', {
  description: "A count for the scope beside the network's; null when suppressed",
})
export class OverviewFigureObject {
  @Field(() => OverviewFigureKindEnum)
  figure!: OverviewFigureKind;

  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => Int, { nullable: true })
  networkCount!: number | null;

  @Field()
  networkSuppressed!: boolean;
  @Field(() => CareerStageLineObject, {
    nullable: true,
    description:
      "The scope's count by the current career stage of the member it belongs to (an entry's lead applicant, a review's entry's lead; OTHER while unknown, as for a blind entry), one suppressed line (secondary suppression included)",
  })
  byCareerStage!: CareerStageLineObject | null;
}

@ObjectType('OverviewRate')
export class OverviewRateObject {
  @Field(() => OverviewRateKindEnum)
  rate!: OverviewRateKind;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  networkValue!: number | null;
}

@ObjectType('CollaborationEdge', {
  description: 'Two institutions that co-authored entries in the period, and how many (null when suppressed)',
})
export class CollaborationEdgeObject {
  @Field(() => ID, { description: 'The first of the pair (ids in ascending order)' })
  institutionAId!: string;

  @Field(() => ID)
  institutionBId!: string;

  @Field(() => InstitutionRef, {
    nullable: true,
    description:
      'The first institution, named by membership; null (with an error beside it) if membership cannot say, so the rest of the answer stands',
  })
  institutionA!: InstitutionRef;

  @Field(() => InstitutionRef, { nullable: true, description: 'The second institution, as institutionA' })
  institutionB!: InstitutionRef;

  @Field(() => Int, { nullable: true })
  proposals!: number | null;
}

@ObjectType('OverviewCount', {
  description: "A count for the scope beside the network's; null when suppressed",
})
export class OverviewCountObject {
  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => Int, { nullable: true })
  networkCount!: number | null;

  @Field()
  networkSuppressed!: boolean;
  @Field(() => CareerStageLineObject, {
    nullable: true,
    description:
      "The scope's count by the current career stage of the member it belongs to (an entry's lead applicant, a review's entry's lead; OTHER while unknown, as for a blind entry), one suppressed line (secondary suppression included)",
  })
  byCareerStage!: CareerStageLineObject | null;
}

@ObjectType('GroupMentoringOverview', {
  description:
    "Near-peer coaching workshops held (by the coach's institution) and mastermind attendance (by the attendee's)",
})
export class GroupMentoringOverviewObject {
  @Field(() => OverviewCountObject)
  workshopsHeld!: OverviewCountObject;

  @Field(() => OverviewCountObject)
  workshopPlaces!: OverviewCountObject;

  @Field(() => OverviewCountObject)
  workshopPlacesTaken!: OverviewCountObject;

  @Field(() => OverviewCountObject, { description: 'Still on the waitlist when the workshop was held' })
  workshopWaitlisted!: OverviewCountObject;

  @Field(() => Float, {
    nullable: true,
    description: 'Places taken ÷ places; null when either is suppressed',
  })
  workshopFill!: number | null;

  @Field(() => Float, { nullable: true })
  networkWorkshopFill!: number | null;

  @Field(() => OverviewCountObject, { description: 'Distinct members who attended a mastermind session' })
  mastermindAttendees!: OverviewCountObject;
}

@ObjectType('EngagementOverview', {
  description: 'Competitions and mentoring for an institution beside the network (or the network alone)',
})
export class EngagementOverviewObject {
  @Field(() => ID, { nullable: true })
  institutionId!: string | null;

  @Field(() => Int)
  suppressionThreshold!: number;

  @Field(() => [OverviewFigureObject])
  figures!: OverviewFigureObject[];

  @Field(() => [OverviewRateObject])
  rates!: OverviewRateObject[];

  @Field(() => GroupMentoringOverviewObject)
  groupMentoring!: GroupMentoringOverviewObject;

  @Field(() => [CollaborationEdgeObject], {
    description: 'Every co-authoring pair for the network; for an institution, the pairs it is part of',
  })
  collaboration!: CollaborationEdgeObject[];
}
