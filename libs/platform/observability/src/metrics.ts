import { collectDefaultMetrics, Counter, Gauge, Histogram, register, type Registry } from 'prom-client';

let defaultsCollected = false;

/** Process and runtime metrics, once per process. */
export function enableDefaultMetrics(service: string): Registry {
  if (!defaultsCollected) {
    register.setDefaultLabels({ service });
    collectDefaultMetrics({ register });
    defaultsCollected = true;
  }
  return register;
}

function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (
    (register.getSingleMetric(name) as Counter<string> | undefined) ?? new Counter({ name, help, labelNames })
  );
}
function gauge(name: string, help: string, labelNames: string[]): Gauge<string> {
  return (
    (register.getSingleMetric(name) as Gauge<string> | undefined) ?? new Gauge({ name, help, labelNames })
  );
}
function histogram(name: string, help: string, labelNames: string[]): Histogram<string> {
  return (
    (register.getSingleMetric(name) as Histogram<string> | undefined) ??
    new Histogram({ name, help, labelNames, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] })
  );
}

/** Messaging metrics shared by every service (get-or-create, so several relays in one process share them). */
export const messagingMetrics = {
  get outboxPublished(): Counter<string> {
    return counter('praxis_outbox_published_total', 'Events published from the outbox', ['topic']);
  },
  get outboxPending(): Gauge<string> {
    return gauge('praxis_outbox_pending', 'Outbox rows waiting to be published at the last relay pass', []);
  },
  get outboxFailures(): Counter<string> {
    return counter('praxis_outbox_publish_failures_total', 'Failed outbox publish attempts', []);
  },
  get consumed(): Counter<string> {
    return counter('praxis_events_consumed_total', 'Consumed events by outcome', ['topic', 'outcome']);
  },
  get handlerSeconds(): Histogram<string> {
    return histogram('praxis_event_handler_seconds', 'Time spent handling one event', ['topic']);
  },
};
