import { z } from 'zod';

/** Closed sets that travel on funding's events (and that funding's domain rules are written in). */
export const BUDGET_CATEGORIES = [
  'STAFF',
  'CONSUMABLES',
  'TRAVEL',
  'PUBLICATION',
  'TRAINING',
  'EQUIPMENT',
  'OTHER',
] as const;
export const budgetCategorySchema = z.enum(BUDGET_CATEGORIES);

export const SPEND_KINDS = ['COMMITMENT', 'PAYMENT'] as const;
export const spendKindSchema = z.enum(SPEND_KINDS);

export const TIME_ACTIVITIES = [
  'RESEARCH',
  'WRITING',
  'DATA_COLLECTION',
  'SUPERVISION_MEETING',
  'TRAINING',
  'OTHER',
] as const;
export const timeActivitySchema = z.enum(TIME_ACTIVITIES);

export const TIME_UNITS = ['HOURS', 'PROGRAMMED_ACTIVITIES'] as const;
export const timeUnitSchema = z.enum(TIME_UNITS);

export const OUTPUT_KINDS = [
  'PAPER',
  'PRESENTATION',
  'POSTER',
  'DATASET',
  'CURRICULUM_CHANGE',
  'OTHER',
] as const;
export const outputKindSchema = z.enum(OUTPUT_KINDS);

/** A calendar day, `2026-11-30` (no time, no zone). */
export const isoDaySchema = z.iso.date();
/** An ISO 8601 week, `2026-W48` (Monday to Sunday). */
export const isoWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week such as 2026-W48');
