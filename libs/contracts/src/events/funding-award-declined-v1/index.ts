import { awardEvent } from '../funding-shared';

/** The PI declined the offer; its amount returns to the fund. */
export const AwardDeclinedV1 = awardEvent('declined', {});
