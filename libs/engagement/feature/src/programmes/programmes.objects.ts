import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Granularity } from '@praxis/engagement/domain';
import { GranularityEnum } from '../metrics/metrics.objects';
import { MetricBucketObject, MetricFigureObject, MetricRateObject } from '../figures/figure.objects';

@ObjectType('ProgrammeSessionMetrics', {
  description: 'Attendance of one session, and how many of them also came to the first session of the series',
})
export class ProgrammeSessionMetricsObject {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => String, { nullable: true })
  theme!: string | null;

  @Field()
  startsAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Members of the scope who attended; null when suppressed',
  })
  attendees!: number | null;

  @Field(() => Int, { nullable: true, description: 'Withheld when the rest of the network is small' })
  networkAttendees!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Of the attendees, those who also attended the first session of the series',
  })
  retained!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Retention across the series: retained ÷ the first session's attendees (published counts only)",
  })
  retention!: number | null;

  @Field(() => Float, { nullable: true })
  networkRetention!: number | null;
}

@ObjectType('ProgrammeMetrics')
export class ProgrammeMetricsObject {
  @Field(() => ID)
  programmeId!: string;

  @Field(() => String, { nullable: true, description: 'Null until the programme’s creation is projected' })
  title!: string | null;

  @Field(() => [MetricFigureObject], {
    description: 'APPLICANTS, SELECTED, WAITLISTED, ATTENDEES, CERTIFIED over the whole period',
  })
  figures!: MetricFigureObject[];

  @Field(() => [MetricRateObject], { description: 'SELECTION_RATE' })
  rates!: MetricRateObject[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Anonymous reflections in the period, for the whole programme (they name nobody, so no institution); null when suppressed',
  })
  reflections!: number | null;

  @Field()
  reflectionsSuppressed!: boolean;

  @Field(() => [ProgrammeSessionMetricsObject], { description: 'The whole series, in order' })
  sessions!: ProgrammeSessionMetricsObject[];
}

@ObjectType('EngagementProgrammes', {
  description:
    'Programme metrics for an institution beside the network (or the network alone): per bucket and per programme',
})
export class EngagementProgrammesObject {
  @Field(() => ID, { nullable: true })
  institutionId!: string | null;

  @Field(() => GranularityEnum)
  granularity!: Granularity;

  @Field(() => Int)
  suppressionThreshold!: number;

  @Field(() => [MetricBucketObject], {
    description: 'APPLICANTS, SELECTED, WAITLISTED, ATTENDEES, CERTIFIED per bucket; rate SELECTION_RATE',
  })
  buckets!: MetricBucketObject[];

  @Field(() => [ProgrammeMetricsObject], {
    description: 'Programmes with a session or an application in the period (whole buckets)',
  })
  programmes!: ProgrammeMetricsObject[];
}
