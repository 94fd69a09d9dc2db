import type { JWK } from 'jose';
import type { EventHandler } from '@praxis/platform/messaging';
import { communityHandlers } from './community.handlers';
import { withFreshness } from './freshness';
import { fundingHandlers } from './funding.handlers';
import { withFunnelRollup } from './funnel-rollup';
import { demographicsHandler, membershipHandlers } from './membership.handlers';
import { mentorshipHandlers } from './mentorship.handlers';
import { proposalsHandlers } from './proposals.handlers';

/** The consumer group of the metric projections (one group, so one member's events share one inbox). */
export const PROJECTIONS_GROUP = 'engagement.projections';

/**
 * Every projection handler (each keeping the funnel roll-up and observing the freshness histogram); the
 * demographics one only with engagement's private key configured.
 */
export function projectionHandlers(demographicsKey: JWK | null): EventHandler[] {
  const handlers = [
    ...membershipHandlers(),
    ...proposalsHandlers(),
    ...mentorshipHandlers(),
    ...communityHandlers(),
    ...fundingHandlers(),
    ...(demographicsKey ? [demographicsHandler(demographicsKey)] : []),
  ];
  return handlers.map((handler) => withFreshness(withFunnelRollup(handler)));
}
