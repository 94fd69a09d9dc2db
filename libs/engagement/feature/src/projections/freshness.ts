import { Histogram, register } from 'prom-client';
import type { EventHandler } from '@praxis/platform/messaging';

export const FRESHNESS_METRIC = 'praxis_engagement_projection_freshness_seconds';

/** Get-or-create, so several engagement modules in one process (tests) share the one histogram. */
function freshness(): Histogram<string> {
  return (
    (register.getSingleMetric(FRESHNESS_METRIC) as Histogram<string> | undefined) ??
    new Histogram({
      name: FRESHNESS_METRIC,
      help: 'Seconds from an event occurring in its service to engagement having projected it (its metrics show it once the transaction commits, a moment later); a replay observes old events as old',
      labelNames: ['topic'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 30, 300],
    })
  );
}

/** The handler, observing how old each event is when its effect is written (the freshness of the metrics). */
export function withFreshness(handler: EventHandler): EventHandler {
  const observe = (histogram: Histogram<string>, occurredAt: string) => {
    const age = (Date.now() - Date.parse(occurredAt)) / 1000;
    if (Number.isFinite(age)) histogram.observe({ topic: handler.contract.topic }, Math.max(0, age));
  };
  const { handleBatch } = handler;
  return {
    ...handler,
    async handle(event, manager, context) {
      await handler.handle(event, manager, context);
      observe(freshness(), event.occurredAt);
    },
    ...(handleBatch && {
      async handleBatch(events, manager, context) {
        await handleBatch(events, manager, context);
        const histogram = freshness();
        for (const event of events) observe(histogram, event.occurredAt);
      },
    }),
  };
}
