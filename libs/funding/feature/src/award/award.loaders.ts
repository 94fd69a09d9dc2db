import type DataLoader from 'dataloader';
import type { AwardEntity } from '@praxis/funding/data-access';
import type { Principal } from '@praxis/platform/auth';
import { requestLoader } from '@praxis/platform/graphql';
import { notFound } from '../funding.access';
import type { AwardsService } from './awards.service';

/**
 * The awards behind the fields of a page of awards (`budget`, `spendEntries`, `protectedTime`), from one query
 * for the page and each checked by the rule of `AwardsService.get`: one the caller may not see loads as null.
 */
export function visibleAwardLoader(
  awards: AwardsService,
  request: object,
  principal: Principal,
): DataLoader<string, AwardEntity | null> {
  return requestLoader(
    request,
    'funding.visibleAward',
    (ids) => awards.visibleAmong(ids, principal),
    (award) => award.id,
  );
}

/** The award the caller may see, or NOT_FOUND for that award alone (as `AwardsService.get`). */
export async function visibleAward(
  awards: AwardsService,
  request: object,
  principal: Principal,
  id: string,
): Promise<AwardEntity> {
  const award = await visibleAwardLoader(awards, request, principal).load(id);
  if (!award) throw notFound('award');
  return award;
}
