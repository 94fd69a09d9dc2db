import { applyFunnelChanges } from '@praxis/engagement/data-access';
import type { EventHandler } from '@praxis/platform/messaging';

/**
 * The handler, then the funnel roll-up brought up to date with what it wrote (the members its writes touched, as
 * the projection tables' triggers noted them), in its transaction: the roll-up commits with the rows it sums.
 */
export function withFunnelRollup(handler: EventHandler): EventHandler {
  const { handleBatch, erase } = handler;
  return {
    ...handler,
    async handle(event, manager, context) {
      await handler.handle(event, manager, context);
      await applyFunnelChanges(manager);
    },
    ...(handleBatch && {
      async handleBatch(events, manager, context) {
        await handleBatch(events, manager, context);
        await applyFunnelChanges(manager);
      },
    }),
    ...(erase && {
      async erase(aggregateId, manager, context) {
        await erase(aggregateId, manager, context);
        await applyFunnelChanges(manager);
      },
    }),
  };
}
