import { awardEvent } from '../funding-shared';

/** The PI accepted the offer. */
export const AwardAcceptedV1 = awardEvent('accepted', {});
