import type { EntityManager } from 'typeorm';
import { normaliseInterestTags } from '@praxis/contracts';

/** A competition's public listing as proposals published it (opened or changed). */
export interface CompetitionListing {
  competitionId: string;
  title: string;
  opensAt: string;
  closesAt: string;
  tags: readonly string[];
  phase: string;
}

/**
 * Writes the listing as it stands, inserted or replaced whole: both competition handlers call it inside
 * `applyIfNewer` on the `listing` stream, so only the newest event by sequence gets here.
 */
export async function writeCompetitionListing(
  manager: EntityManager,
  listing: CompetitionListing,
): Promise<void> {
  await manager.query(
    `INSERT INTO tagged_competition (competition_id, title, opens_at, closes_at, tags, phase)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (competition_id) DO UPDATE SET title = EXCLUDED.title, opens_at = EXCLUDED.opens_at,
       closes_at = EXCLUDED.closes_at, tags = EXCLUDED.tags, phase = EXCLUDED.phase`,
    // the key form again, so a producer that forgot it cannot hide the competition from a community
    [
      listing.competitionId,
      listing.title,
      listing.opensAt,
      listing.closesAt,
      normaliseInterestTags([...listing.tags]),
      listing.phase,
    ],
  );
}
