import { registerEnumType } from '@nestjs/graphql';
import { CAREER_STAGES } from '@praxis/contracts';

/** Same name and values as membership's enum, so composition merges them. */
export const CareerStageEnum = Object.fromEntries(CAREER_STAGES.map((stage) => [stage, stage])) as Record<
  (typeof CAREER_STAGES)[number],
  (typeof CAREER_STAGES)[number]
>;
registerEnumType(CareerStageEnum, { name: 'CareerStage' });
