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
  return replayHandlers(demographicsKey).map((handler) => withFreshness(withFunnelRollup(handler)));
}

/**
 * The same handlers as `projectionHandlers` without the funnel roll-up step and the freshness histogram: what a
 * rebuild's replay into fresh tables applies. Its tables' noting triggers are off and the roll-up is built once
 * after the replay, so the step would find nothing noted (a statement per run for nothing), and the histogram of
 * how old each replayed event is would only say the history is old.
 */
export function replayHandlers(demographicsKey: JWK | null): EventHandler[] {
  return [
    ...membershipHandlers(),
    ...proposalsHandlers(),
    ...mentorshipHandlers(),
    ...communityHandlers(),
    ...fundingHandlers(),
    ...(demographicsKey ? [demographicsHandler(demographicsKey)] : []),
  ];
}
