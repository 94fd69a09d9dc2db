import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { interestTagsSchema } from '../../vocabulary';

/** The phases a competition can be in once it has opened (a draft publishes nothing). */
export const PUBLIC_COMPETITION_PHASES = ['OPEN', 'JUDGING', 'RESULTS_PUBLISHED', 'CANCELLED'] as const;
export type PublicCompetitionPhase = (typeof PUBLIC_COMPETITION_PHASES)[number];

/**
 * A competition that has opened changed what a listing of it shows: an admin moved its dates (`change: DATES`)
 * or it moved phase (`change: PHASE`: judging started, results published, cancelled). It carries the whole public
 * listing as it now stands (title, tags, phase, dates), not a difference, so a consumer that keeps the newest per
 * competition (by the envelope's sequence, shared with `proposals.competition.opened`) holds the right state
 * whichever of the two topics it reads first. Nothing about entries, judges or money.
 */
export const CompetitionChangedV1 = defineEvent({
  service: 'proposals',
  entity: 'competition',
  happened: 'changed',
  version: 1,
  consumers: ['community'],
  payload: z.object({
    competitionId: z.uuid(),
    change: z.enum(['DATES', 'PHASE']),
    title: z.string().min(1),
    tags: interestTagsSchema,
    phase: z.enum(PUBLIC_COMPETITION_PHASES),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    judgingEndsAt: z.iso.datetime({ offset: true }),
  }),
});
