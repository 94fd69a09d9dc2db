import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';

/**
 * Seniority on the clinical training ladder. ACADEMIC sits level with CONSULTANT because in medical education
 * an academic post is a parallel senior track, not a step above consultant. ALLIED_HEALTH and OTHER are off
 * the ladder (`null`): their seniority relative to a doctor in training cannot be read from the stage alone.
 */
export const CAREER_SENIORITY: Readonly<Record<CareerStage, number | null>> = {
  MEDICAL_STUDENT: 0,
  FOUNDATION_DOCTOR: 1,
  RESIDENT: 2,
  CONSULTANT: 3,
  ACADEMIC: 3,
  ALLIED_HEALTH: null,
  OTHER: null,
};

/** A career stage in the words people read in a match's reasons (never the enum's name). */
export const CAREER_STAGE_WORDS: Readonly<Record<CareerStage, string>> = {
  MEDICAL_STUDENT: 'medical student',
  FOUNDATION_DOCTOR: 'foundation doctor',
  RESIDENT: 'resident',
  CONSULTANT: 'consultant',
  ACADEMIC: 'academic',
  ALLIED_HEALTH: 'allied health professional',
  OTHER: 'other career stage',
};

/**
 * The gap (mentor rank minus mentee rank) that earns full stage points: one or two steps up, e.g. student with
 * resident (near-peer) or foundation doctor with consultant. Bigger gaps still work but advice drifts from the
 * mentee's day-to-day, so they earn half.
 */
export const STAGE_GAP_SWEET_SPOT = { min: 1, max: 2 } as const;

export type StageGapBand = 'SWEET_SPOT' | 'WIDE' | 'NOT_MORE_SENIOR' | 'OFF_LADDER';

export interface StageGap {
  /** Mentor rank minus mentee rank; `null` when either stage is off the ladder. */
  readonly gap: number | null;
  readonly band: StageGapBand;
}

export function stageGap(menteeStage: CareerStage, mentorStage: CareerStage): StageGap {
  const mentee = CAREER_SENIORITY[menteeStage];
  const mentor = CAREER_SENIORITY[mentorStage];
  if (mentee === null || mentor === null) return { gap: null, band: 'OFF_LADDER' };
  const gap = mentor - mentee;
  if (gap < STAGE_GAP_SWEET_SPOT.min) return { gap, band: 'NOT_MORE_SENIOR' };
  if (gap <= STAGE_GAP_SWEET_SPOT.max) return { gap, band: 'SWEET_SPOT' };
  return { gap, band: 'WIDE' };
}

/** Integer points so match totals stay exact (the formal matching relies on integer arithmetic). */
export function stageGapPoints(band: StageGapBand, weight: number): number {
  switch (band) {
    case 'SWEET_SPOT':
      return weight;
    case 'WIDE':
    case 'OFF_LADDER':
      return Math.floor(weight / 2);
    case 'NOT_MORE_SENIOR':
      return 0;
  }
}

/** Position of each stage in `CAREER_STAGES`, used for bit masks in the compiled matcher. */
export const CAREER_STAGE_INDEX: Readonly<Record<CareerStage, number>> = Object.fromEntries(
  CAREER_STAGES.map((stage, index) => [stage, index]),
) as Record<CareerStage, number>;

export function isCareerStage(value: unknown): value is CareerStage {
  return typeof value === 'string' && (CAREER_STAGES as readonly string[]).includes(value);
}
