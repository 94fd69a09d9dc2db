/**
 * How Kafka keeps a topic, as part of each event's contract, so runtime provisioning and compose's topic-init step
 * create the same topics. `config` holds Kafka topic configs by their own names (`retention.ms`, `cleanup.policy`,
 * `max.compaction.lag.ms`, ...).
 */
export interface TopicDefinition {
  name: string;
  partitions: number;
  config: Readonly<Record<string, string>>;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Event topics keep their whole history (`retention.ms=-1`): member replicas and the engagement read models are
 * built, and rebuilt after a bug fix or for a new projection, by replaying topics from the first offset, so a topic
 * that forgot its oldest events would rebuild a different state (docs/architecture.md, "Topics"). Six partitions
 * leave room for six consumer replicas per group.
 */
export const EVENT_TOPIC_PARTITIONS = 6;
export const EVENT_TOPIC_CONFIG: Readonly<Record<string, string>> = Object.freeze({
  'retention.ms': '-1',
  'cleanup.policy': 'delete',
});

/**
 * Dead letters are for people to inspect and replay by hand: one partition (the order of failure) for 30 days,
 * which covers a month of incident review without keeping failed payloads for ever.
 */
export const DLQ_TOPIC_PARTITIONS = 1;
export const DLQ_TOPIC_CONFIG: Readonly<Record<string, string>> = Object.freeze({
  'retention.ms': String(30 * DAY_MS),
  'cleanup.policy': 'delete',
});

/** An event topic's configs: the defaults with the contract's own on top. */
export function eventTopicConfig(overrides: Record<string, string> = {}): Readonly<Record<string, string>> {
  const config = { ...EVENT_TOPIC_CONFIG, ...overrides };
  const retention = Number(config['retention.ms']);
  if (!Number.isInteger(retention) || (retention < 1 && retention !== -1)) {
    throw new Error(
      `retention.ms must be -1 (forever) or a positive integer, got "${config['retention.ms']}"`,
    );
  }
  return Object.freeze(config);
}

export function checkedPartitions(partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new Error(`topic partitions must be a positive integer, got ${partitions}`);
  }
  return partitions;
}

/** A topic's configs as Kafka's configuration entries (admin.createTopics). */
export function topicConfigEntries(definition: TopicDefinition): Array<{ name: string; value: string }> {
  return Object.entries(definition.config).map(([name, value]) => ({ name, value }));
}
