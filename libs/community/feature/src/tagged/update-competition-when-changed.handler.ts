import type { EntityManager } from 'typeorm';
import { CompetitionChangedV1 } from '@praxis/contracts';
import { applyIfNewer, handle } from '@praxis/platform/messaging';
import { writeCompetitionListing } from './listed-competition';

/**
 * A listed competition's dates moved or its phase did: the event carries the whole public listing, so it is
 * written as it stands (inserted if the opened event has not arrived yet), in the `listing` stream of the opened
 * event, so an older event of either kind arriving later changes nothing. A cancelled competition keeps its row
 * (phase CANCELLED), which the listing leaves out.
 */
export const updateCompetitionWhenChanged = handle(
  CompetitionChangedV1,
  async (event, manager: EntityManager, context) => {
    await applyIfNewer(manager, { context, event, stream: 'listing' }, () =>
      writeCompetitionListing(manager, event.payload),
    );
  },
);
