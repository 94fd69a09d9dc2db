import type { EventHandler } from '@praxis/platform/messaging';
import { listCompetitionWhenOpened } from './list-competition-when-opened.handler';
import { listMastermindGroupWhenFormed } from './list-mastermind-group-when-formed.handler';
import { updateCompetitionWhenChanged } from './update-competition-when-changed.handler';

/** The consumer group that keeps the competitions and mastermind groups communities list by interest. */
export const TAGGED_LISTINGS_GROUP = 'community.tagged-listings';

export function taggedListingHandlers(): EventHandler[] {
  return [listCompetitionWhenOpened, updateCompetitionWhenChanged, listMastermindGroupWhenFormed];
}
