import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { participantSchema } from '../../vocabulary';

/**
 * An application changed status: selection (ACCEPTED or WAITLISTED), a waitlist offer (OFFERED, with its
 * deadline), the applicant's answer (ACCEPTED on confirming, DECLINED, CANCELLED) or a lapsed offer (EXPIRED).
 * `policy` is set for decisions made by a selection run. Nothing says why someone was chosen: a selection under
 * PRIORITY_THEN_LOTTERY must not reveal who was prioritised.
 */
export const CommunityApplicationDecidedV1 = defineEvent({
  service: 'community',
  entity: 'application',
  happened: 'decided',
  version: 1,
  consumers: ['engagement'],
  payload: participantSchema.extend({
    applicationId: z.uuid(),
    programmeId: z.uuid(),
    status: z.enum(['ACCEPTED', 'WAITLISTED', 'OFFERED', 'DECLINED', 'CANCELLED', 'EXPIRED']),
    policy: z.enum(['FIRST_COME', 'PRIORITY_THEN_LOTTERY']).nullable(),
    waitlistPosition: z.number().int().positive().nullable(),
    offerExpiresAt: z.iso.datetime({ offset: true }).nullable(),
    decidedAt: z.iso.datetime({ offset: true }),
  }),
});
