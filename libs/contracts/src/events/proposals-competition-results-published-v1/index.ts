import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { institutionIdSchema, memberIdSchema } from '../../vocabulary';

/**
 * Results of a competition. Winners carry their team (member ids, institutions) and what they asked for, so
 * funding can create awards and mentorship can propose a supervisor. Published only once results are public,
 * so naming the team here leaks nothing blind judging kept hidden.
 */
export const CompetitionResultsPublishedV1 = defineEvent({
  service: 'proposals',
  entity: 'competition',
  happened: 'results-published',
  version: 1,
  consumers: ['mentorship', 'funding', 'engagement'],
  payload: z.object({
    competitionId: z.uuid(),
    title: z.string().min(1),
    publishedAt: z.iso.datetime({ offset: true }),
    fundingAvailable: z.number().nonnegative().nullable(),
    protectedHoursAvailable: z.number().nonnegative().nullable(),
    entries: z.number().int().nonnegative(),
    winners: z.array(
      z.object({
        proposalId: z.uuid(),
        rank: z.number().int().positive(),
        title: z.string().min(1),
        keywords: z.array(z.string()),
        leadApplicantId: memberIdSchema,
        teamMemberIds: z.array(memberIdSchema).min(1),
        institutionIds: z.array(institutionIdSchema).min(1),
        requestedFunding: z.number().nonnegative(),
        requestedHours: z.number().nonnegative(),
        normalisedScore: z.number(),
        meanRawScore: z.number(),
      }),
    ),
  }),
});
