import type { EntityManager } from 'typeorm';
import { CompetitionOpenedV1, normaliseInterestTags } from '@praxis/contracts';
import { applyIfNewer, handle } from '@praxis/platform/messaging';

/**
 * Keeps the public fields of an opened competition for the communities whose interests its tags match. An event
 * published before tags existed lists the competition untagged (no community shows it until it reopens tagged).
 */
export const listCompetitionWhenOpened = handle(
  CompetitionOpenedV1,
  async (event, manager: EntityManager, context) => {
    const { competitionId, title, opensAt, closesAt, tags } = event.payload;
    await applyIfNewer(manager, { context, event, stream: 'listing' }, async () => {
      await manager.query(
        `INSERT INTO tagged_competition (competition_id, title, opens_at, closes_at, tags)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (competition_id) DO UPDATE SET title = EXCLUDED.title, opens_at = EXCLUDED.opens_at,
         closes_at = EXCLUDED.closes_at, tags = EXCLUDED.tags`,
        // the key form again, so a producer that forgot it cannot hide the competition from a community
        [competitionId, title, opensAt, closesAt, normaliseInterestTags(tags ?? [])],
      );
    });
  },
);
