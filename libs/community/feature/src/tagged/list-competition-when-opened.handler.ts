import type { EntityManager } from 'typeorm';
import { CompetitionOpenedV1 } from '@praxis/contracts';
import { applyIfNewer, handle } from '@praxis/platform/messaging';
import { writeCompetitionListing } from './listed-competition';

/**
 * Keeps the public fields of an opened competition (later changes: `update-competition-when-changed.handler.ts`,
 * the same stream, so whichever is newest by sequence wins) for the communities whose interests its tags match.
 * An event published before tags existed lists the competition untagged (no community shows it until it reopens
 * tagged).
 */
export const listCompetitionWhenOpened = handle(
  CompetitionOpenedV1,
  async (event, manager: EntityManager, context) => {
    const { competitionId, title, opensAt, closesAt, tags } = event.payload;
    await applyIfNewer(manager, { context, event, stream: 'listing' }, () =>
      writeCompetitionListing(manager, {
        competitionId,
        title,
        opensAt,
        closesAt,
        tags: tags ?? [],
        phase: 'OPEN',
      }),
    );
  },
);
