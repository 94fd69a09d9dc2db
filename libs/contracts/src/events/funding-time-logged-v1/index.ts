import { z } from 'zod';
import { defineEvent } from '../../envelope';
import {
  institutionIdSchema,
  isoDaySchema,
  isoWeekSchema,
  memberIdSchema,
  timeActivitySchema,
} from '../../vocabulary';

/**
 * A member's time-log entry as it now stands (created, or edited within the 14-day window): consumers keep the
 * latest per `entryId` (the envelope's sequence orders them). Hours and activity only: the note is private.
 */
export const TimeLoggedV1 = defineEvent({
  service: 'funding',
  entity: 'time',
  happened: 'logged',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    entryId: z.uuid(),
    memberId: memberIdSchema,
    institutionId: institutionIdSchema.nullable(),
    day: isoDaySchema,
    week: isoWeekSchema,
    minutes: z.number().int().nonnegative(),
    activity: timeActivitySchema,
    loggedAt: z.iso.datetime({ offset: true }),
  }),
});
