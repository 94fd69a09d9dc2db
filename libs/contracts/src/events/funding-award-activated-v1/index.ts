import { awardEvent } from '../funding-shared';

/**
 * An admin activated the award (budget lines agreed; spending and reports start). No service consumes it yet, so
 * no service is granted its topic.
 */
export const AwardActivatedV1 = awardEvent('activated', {}, []);
