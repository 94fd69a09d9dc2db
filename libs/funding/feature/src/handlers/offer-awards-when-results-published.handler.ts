import { CompetitionResultsPublishedV1, CompetitionResultsPublishedV2 } from '@praxis/contracts';
import { handle, type EventHandler } from '@praxis/platform/messaging';
import { competitionResultsFromV1, competitionResultsFromV2 } from '@praxis/funding/domain';
import type { AwardsService } from '../award/awards.service';
import type { FundingOptions } from '../funding.options';

export const RESULTS_GROUP = 'funding.competition-results';

/**
 * Winners become OFFERED awards. Both versions are consumed while v1 drains (v1's plain numbers are read in the
 * configured default currency); the same results through either version offer each entry once.
 */
export function offerAwardsWhenResultsPublished(
  awards: AwardsService,
  options: FundingOptions,
): EventHandler[] {
  return [
    handle(CompetitionResultsPublishedV1, async (event, manager) => {
      await awards.offerForResults(
        manager,
        event.payload.title,
        new Date(event.payload.publishedAt),
        competitionResultsFromV1(event.payload, options.defaultCurrency),
        { correlationId: event.correlationId, causationId: event.eventId },
      );
    }),
    handle(CompetitionResultsPublishedV2, async (event, manager) => {
      await awards.offerForResults(
        manager,
        event.payload.title,
        new Date(event.payload.publishedAt),
        competitionResultsFromV2(event.payload, options.defaultCurrency),
        { correlationId: event.correlationId, causationId: event.eventId },
      );
    }),
  ];
}
