import { awardEvent } from '../funding-shared';

/** An admin activated the award (budget lines agreed; spending and reports start). */
export const AwardActivatedV1 = awardEvent('activated', {});
