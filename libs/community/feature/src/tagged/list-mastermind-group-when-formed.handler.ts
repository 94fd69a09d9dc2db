import type { EntityManager } from 'typeorm';
import { MentorshipMastermindGroupFormedV1, normaliseInterestTags } from '@praxis/contracts';
import { applyIfNewer, handle } from '@praxis/platform/messaging';

/** Keeps the public fields of a formed mastermind group for the communities whose interests its tags match. */
export const listMastermindGroupWhenFormed = handle(
  MentorshipMastermindGroupFormedV1,
  async (event, manager: EntityManager, context) => {
    const { groupId, name, cadenceDays, size, formedAt, tags } = event.payload;
    await applyIfNewer(manager, { context, event, stream: 'listing' }, async () => {
      await manager.query(
        `INSERT INTO tagged_mastermind_group (group_id, name, cadence_days, size, formed_at, tags)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (group_id) DO UPDATE SET name = EXCLUDED.name, cadence_days = EXCLUDED.cadence_days,
           size = EXCLUDED.size, formed_at = EXCLUDED.formed_at, tags = EXCLUDED.tags`,
        [groupId, name, cadenceDays, size, formedAt, normaliseInterestTags(tags)],
      );
    });
  },
);
