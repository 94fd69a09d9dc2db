import { z } from 'zod';
import { defineEvent } from '../../envelope';
import {
  institutionIdSchema,
  isoDaySchema,
  isoWeekSchema,
  memberIdSchema,
  nonNegativeMoneySchema,
  timeUnitSchema,
} from '../../vocabulary';

/**
 * What every award event says about the award, so a consumer (engagement's funnel) needs no other event to place
 * it: who leads it, their institutions (at the time of the event, from funding's member replica), where it came
 * from and how much. Nothing private: no budget justifications, no notes.
 */
export const awardFacts = {
  awardId: z.uuid(),
  principalInvestigatorId: memberIdSchema,
  teamMemberIds: z.array(memberIdSchema).min(1),
  /** Institutions of the team's members that funding knows of (may be empty while its replica catches up). */
  institutionIds: z.array(institutionIdSchema),
  /** The PI's institution, when known. */
  institutionId: institutionIdSchema.nullable(),
  fundId: z.uuid().nullable(),
  competitionId: z.uuid().nullable(),
  proposalId: z.uuid().nullable(),
  amount: nonNegativeMoneySchema,
  startsOn: isoDaySchema,
  endsOn: isoDaySchema,
  at: z.iso.datetime({ offset: true }),
};

/**
 * An award event (`funding.award.<happened>.v1`): the award's facts and what the happening adds. Engagement reads
 * it unless `consumers` says otherwise (only the services that really consume a topic are granted it).
 */
export function awardEvent<T extends z.ZodRawShape>(
  happened: string,
  extra: T,
  consumers: readonly string[] = ['engagement'],
) {
  return defineEvent({
    service: 'funding',
    entity: 'award',
    happened,
    version: 1,
    consumers,
    payload: z.object({ ...awardFacts, ...extra }),
  });
}

/** A member's protected research time on an award: a weekly amount between two days (inclusive). */
export const allocationFacts = {
  allocationId: z.uuid(),
  awardId: z.uuid(),
  memberId: memberIdSchema,
  /** The member's institution (which releases the time), when funding knows it. */
  institutionId: institutionIdSchema.nullable(),
  /** Always in minutes a week, whatever unit it was entered in (1 programmed activity = 240 minutes). */
  weeklyMinutes: z.number().int().positive(),
  unit: timeUnitSchema,
  from: isoDaySchema,
  to: isoDaySchema,
};

/** An erosion episode of a member's protected time, identified by the week that started it. */
export const erosionFacts = {
  memberId: memberIdSchema,
  institutionId: institutionIdSchema.nullable(),
  /** The week whose completion made the streak long enough: the episode's identity. */
  episodeStartedWeek: isoWeekSchema,
  thresholdPercent: z.number().int().min(1).max(100),
  consecutiveWeeks: z.number().int().positive(),
};
