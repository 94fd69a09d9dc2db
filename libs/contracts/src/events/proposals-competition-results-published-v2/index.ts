import { z } from 'zod';
import { defineEvent } from '../../envelope';
import {
  currencyCodeSchema,
  institutionIdSchema,
  memberIdSchema,
  nonNegativeMoneySchema,
} from '../../vocabulary';

/**
 * Results of a competition, v2: the money fields of v1 become Money (integer minor units and the competition's
 * ISO 4217 currency), and the competition's currency travels even when it set no funding ceiling. Every amount is
 * in `currency`. Proposals publishes only v2; v1 stays defined while consumers drain it (ARCHITECTURE.md, Events).
 */
export const CompetitionResultsPublishedV2 = defineEvent({
  service: 'proposals',
  entity: 'competition',
  happened: 'results-published',
  version: 2,
  consumers: ['mentorship', 'funding', 'engagement'],
  payload: z
    .object({
      competitionId: z.uuid(),
      title: z.string().min(1),
      publishedAt: z.iso.datetime({ offset: true }),
      currency: currencyCodeSchema,
      fundingAvailable: nonNegativeMoneySchema.nullable(),
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
          requestedFunding: nonNegativeMoneySchema,
          requestedHours: z.number().nonnegative(),
          normalisedScore: z.number(),
          meanRawScore: z.number(),
        }),
      ),
    })
    .superRefine((payload, context) => {
      // one currency per competition: a sum across currencies would be meaningless
      if (payload.fundingAvailable && payload.fundingAvailable.currency !== payload.currency) {
        context.addIssue({
          code: 'custom',
          path: ['fundingAvailable', 'currency'],
          message: `must be the competition's currency ${payload.currency}`,
        });
      }
      payload.winners.forEach((winner, index) => {
        if (winner.requestedFunding.currency !== payload.currency) {
          context.addIssue({
            code: 'custom',
            path: ['winners', index, 'requestedFunding', 'currency'],
            message: `must be the competition's currency ${payload.currency}`,
          });
        }
      });
    }),
});
