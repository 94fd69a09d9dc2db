import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { participantSchema } from '../../vocabulary';

/**
 * Attendance newly recorded for one session: a register sent by an organiser, or one attendee with the session
 * code. Only those not recorded before are listed, so a resent register publishes nothing.
 */
export const CommunityAttendanceRecordedV1 = defineEvent({
  service: 'community',
  entity: 'attendance',
  happened: 'recorded',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    programmeId: z.uuid(),
    sessionId: z.uuid(),
    sessionStartsAt: z.iso.datetime({ offset: true }),
    method: z.enum(['ORGANISER', 'SESSION_CODE']),
    attendees: z.array(participantSchema).min(1),
    count: z.number().int().positive(),
    recordedAt: z.iso.datetime({ offset: true }),
  }),
});
