import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Granularity } from '@praxis/engagement/domain';
import { MoneyObject } from '@praxis/platform/graphql';
import { FundRef, MemberRef } from '../engagement.refs';
import { GranularityEnum } from '../metrics/metrics.objects';
import { CareerStageAmountLineObject, MetricFigureObject, MetricRateObject } from '../figures/figure.objects';
import { FUNDING_MEASURES, type FundingMeasure } from './funding.query';

export const FundingMeasureEnum = Object.fromEntries(FUNDING_MEASURES.map((kind) => [kind, kind])) as Record<
  FundingMeasure,
  FundingMeasure
>;
registerEnumType(FundingMeasureEnum, {
  name: 'FundingMeasure',
  description:
    'AWARDED: offers made; ACCEPTED: offers accepted; COMMITTED and PAID: spend-ledger commitments and payments dated in the bucket (reversals netted)',
});

@ObjectType('FundMoneyFigure', {
  description:
    'Money of one fund and currency in a bucket, beside the network’s; a sum of fewer awards than the threshold is suppressed. No total across funds is given: with a fund hidden it would give that fund back',
})
export class FundMoneyFigureObject {
  @Field(() => FundingMeasureEnum)
  measure!: FundingMeasure;

  @Field(() => ID, { nullable: true, description: 'Null for awards made outside a fund' })
  fundId!: string | null;

  @Field(() => FundRef, {
    nullable: true,
    description:
      'The fund, which funding names to admins only (funds are the programme office’s; ask for it as an admin); null for awards made outside a fund, and (with an error beside it) if funding cannot say',
  })
  fund!: FundRef | null;

  @Field()
  currency!: string;

  @Field(() => MoneyObject, { nullable: true })
  amount!: MoneyObject | null;

  @Field(() => Int, { nullable: true, description: 'How many awards the amount sums' })
  awards!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => MoneyObject, { nullable: true })
  networkAmount!: MoneyObject | null;

  @Field()
  networkSuppressed!: boolean;

  @Field(() => CareerStageAmountLineObject, {
    description:
      "The scope's amount by its awards' principal investigators' career stage (secondary suppression included), each stage published where enough awards contribute",
  })
  byCareerStage!: CareerStageAmountLineObject;
}

@ObjectType('FundingBucket')
export class FundingBucketObject {
  @Field({ description: '2026-03, 2026-Q1 or 2026' })
  label!: string;

  @Field()
  start!: Date;

  @Field()
  end!: Date;

  @Field(() => [MetricFigureObject], {
    description:
      'MEMBERS_WITH_PROTECTED_TIME, MINUTES_ALLOCATED, MEMBERS_LOGGING_TIME, MINUTES_LOGGED, MEMBERS_AT_RISK',
  })
  figures!: MetricFigureObject[];

  @Field(() => [MetricRateObject], { description: 'UTILISATION: minutes logged ÷ minutes allocated' })
  rates!: MetricRateObject[];

  @Field(() => [FundMoneyFigureObject])
  money!: FundMoneyFigureObject[];
}

@ObjectType('ProtectedTimeAtRisk', {
  description:
    'A member whose protected time is being eroded (no demographic data, never for the network’s rest)',
})
export class ProtectedTimeAtRiskObject {
  @Field(() => ID)
  memberId!: string;

  @Field(() => MemberRef, {
    nullable: true,
    description:
      "The member, resolved by membership with its own rules (a lead sees the name of their institution's member); null (with an error beside it) if membership cannot say",
  })
  member!: MemberRef;

  @Field({ description: 'The ISO week that started the episode' })
  episodeStartedWeek!: string;

  @Field()
  detectedAt!: Date;
}

@ObjectType('EngagementFunding', {
  description: 'Funding and protected time for an institution beside the network (or the network alone)',
})
export class EngagementFundingObject {
  @Field(() => ID, { nullable: true })
  institutionId!: string | null;

  @Field(() => GranularityEnum)
  granularity!: Granularity;

  @Field(() => Int)
  suppressionThreshold!: number;

  @Field(() => [FundingBucketObject])
  buckets!: FundingBucketObject[];

  @Field(() => [ProtectedTimeAtRiskObject], {
    description:
      'Members of the scope at risk at the end of the period (or now, if sooner), oldest episode first',
  })
  atRisk!: ProtectedTimeAtRiskObject[];
}
