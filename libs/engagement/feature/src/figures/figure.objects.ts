import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import { SafeIntScalar } from '@praxis/platform/graphql';

/** Every figure the programme and funding metrics publish (one enum, so a dashboard can label them). */
export const METRIC_FIGURES = [
  'APPLICANTS',
  'SELECTED',
  'WAITLISTED',
  'ATTENDEES',
  'RETAINED',
  'CERTIFIED',
  'MEMBERS_WITH_PROTECTED_TIME',
  'MEMBERS_LOGGING_TIME',
  'MEMBERS_AT_RISK',
  'MINUTES_ALLOCATED',
  'MINUTES_LOGGED',
] as const;
export type MetricFigure = (typeof METRIC_FIGURES)[number];
export const MetricFigureEnum = Object.fromEntries(METRIC_FIGURES.map((kind) => [kind, kind])) as Record<
  MetricFigure,
  MetricFigure
>;
registerEnumType(MetricFigureEnum, {
  name: 'MetricFigure',
  description:
    'Head counts (distinct members) unless named MINUTES_; a sum is published only when enough members contribute',
});

export const METRIC_RATES = ['SELECTION_RATE', 'RETENTION', 'UTILISATION'] as const;
export type MetricRate = (typeof METRIC_RATES)[number];
export const MetricRateEnum = Object.fromEntries(METRIC_RATES.map((kind) => [kind, kind])) as Record<
  MetricRate,
  MetricRate
>;
registerEnumType(MetricRateEnum, {
  name: 'MetricRate',
  description: 'Fractions built only from published figures (null when one is suppressed)',
});

/** A career stage as a GraphQL field name: `MEDICAL_STUDENT` → `medicalStudent`. */
export function careerStageField(stage: CareerStage): string {
  return stage.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * A figure split by career stage: one suppressed line (secondary suppression included), a field per stage so
 * the line costs what one object costs (a list per figure per bucket would multiply the query cost). Null is
 * suppressed; zero is published. A sum (minutes) is suppressed on its contributors, so its line hides the
 * stages its head count's line hides.
 */
@ObjectType('CareerStageLine', {
  description:
    'A figure by career stage, one suppressed line: null is suppressed, zero is published; a sum is suppressed on its contributors',
})
export class CareerStageLineObject {
  [field: string]: number | null;
}
for (const stage of CAREER_STAGES) {
  Field(() => Int, { nullable: true })(CareerStageLineObject.prototype, careerStageField(stage));
}

/**
 * Money split by the career stage of each award's principal investigator: whole minor units of the figure's
 * currency per stage, suppressed on the stage's awards exactly as `CareerStageLine` is (null is suppressed).
 */
@ObjectType('CareerStageAmountLine', {
  description:
    "Money by the award's principal investigator's career stage, in whole minor units of the figure's currency: one line suppressed on each stage's awards (null is suppressed, zero is published)",
})
export class CareerStageAmountLineObject {
  [field: string]: number | null;
}
for (const stage of CAREER_STAGES) {
  Field(() => SafeIntScalar, { nullable: true })(
    CareerStageAmountLineObject.prototype,
    careerStageField(stage),
  );
}

@ObjectType('MetricFigureValue', {
  description:
    "A figure for the scope beside the network's (the network's is withheld when the rest of it is small); null when suppressed",
})
export class MetricFigureObject {
  @Field(() => MetricFigureEnum)
  figure!: MetricFigure;

  @Field(() => Int, { nullable: true })
  value!: number | null;

  @Field()
  suppressed!: boolean;

  @Field(() => Int, { nullable: true })
  networkValue!: number | null;

  @Field()
  networkSuppressed!: boolean;

  @Field(() => CareerStageLineObject, {
    nullable: true,
    description:
      'The scope’s figure by career stage (secondary suppression included): head counts, or for a sum each stage’s sum, published where its contributors are',
  })
  byCareerStage!: CareerStageLineObject | null;
}

@ObjectType('MetricRateValue')
export class MetricRateObject {
  @Field(() => MetricRateEnum)
  rate!: MetricRate;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  networkValue!: number | null;
}

@ObjectType('MetricBucket', {
  description: 'One calendar bucket of a metric: its figures and the rates between them',
})
export class MetricBucketObject {
  @Field({ description: '2026-03, 2026-Q1 or 2026' })
  label!: string;

  @Field()
  start!: Date;

  @Field()
  end!: Date;

  @Field(() => [MetricFigureObject])
  figures!: MetricFigureObject[];

  @Field(() => [MetricRateObject])
  rates!: MetricRateObject[];
}
