import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { participantSchema } from '../../vocabulary';

/** A certificate of attendance was issued. The verification code stays with the member and the service. */
export const CommunityCertificateIssuedV1 = defineEvent({
  service: 'community',
  entity: 'certificate',
  happened: 'issued',
  version: 1,
  consumers: ['engagement'],
  payload: participantSchema.extend({
    certificateId: z.uuid(),
    programmeId: z.uuid(),
    sessionsAttended: z.number().int().nonnegative(),
    sessionsHeld: z.number().int().positive(),
    issuedAt: z.iso.datetime({ offset: true }),
  }),
});
