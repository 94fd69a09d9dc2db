import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { careerStageSchema } from '../../vocabulary';

/**
 * A programme (a masterclass series) was created, with its sessions. Joining links, session codes and speakers'
 * self-described diversity answers stay in the community service.
 */
export const CommunityProgrammeCreatedV1 = defineEvent({
  service: 'community',
  entity: 'programme',
  happened: 'created',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    programmeId: z.uuid(),
    communityId: z.uuid().nullable(),
    title: z.string().min(1),
    audience: z.array(careerStageSchema).min(1),
    capacity: z.number().int().positive(),
    mode: z.enum(['ONLINE', 'IN_PERSON']),
    applicationOpensAt: z.iso.datetime({ offset: true }),
    applicationClosesAt: z.iso.datetime({ offset: true }),
    /** The proposals service's competition that attendees are invited to enter next, if any. */
    competitionId: z.uuid().nullable(),
    sessions: z
      .array(
        z.object({
          sessionId: z.uuid(),
          theme: z.string().min(1),
          startsAt: z.iso.datetime({ offset: true }),
          endsAt: z.iso.datetime({ offset: true }),
          timeZone: z.string().min(1),
        }),
      )
      .min(1),
    createdAt: z.iso.datetime({ offset: true }),
  }),
});
