import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import { dlqTopicFor, topicConfigEntries, topicDefinitionFor } from '@praxis/contracts';
import type { Logger } from '@praxis/platform/observability';
import { errorMessage } from './errors';

export interface BrokerCapabilities {
  /** The cluster routes controller requests (CreateTopics, InitProducerId) to a broker that exists. */
  controllerReachable: boolean;
}

/**
 * Real Kafka reports one of its brokers as controller. The librdkafka mock reports controller 0 while its
 * brokers are 1..N, so CreateTopics and the idempotent producer's InitProducerId have nowhere to go.
 */
export async function probeBroker(kafka: Kafka): Promise<BrokerCapabilities> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    return { controllerReachable: cluster.brokers.some((broker) => broker.nodeId === cluster.controller) };
  } finally {
    await admin.disconnect();
  }
}

/** Idempotent (no duplicates on producer retries, ordered per partition) where the broker supports it. */
export async function createEventProducer(
  kafka: Kafka,
  capabilities: BrokerCapabilities,
  logger: Logger,
): Promise<Producer> {
  const idempotent = capabilities.controllerReachable;
  if (!idempotent) {
    logger.warn(
      'broker has no reachable controller (e.g. the librdkafka mock): idempotent producer off; ' +
        'ordering still holds per key (one in-flight request), a retried send may duplicate and consumers dedupe',
    );
  }
  const producer = kafka.producer({
    idempotent,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return producer;
}

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  configEntries?: Array<{ name: string; value: string }>;
}

/** The topics and their dead-letter topics, configured as their contracts say (libs/contracts topic configs). */
export function topicSpecs(topics: readonly string[], replicationFactor: number): TopicSpec[] {
  return topics
    .flatMap((topic) => [topicDefinitionFor(topic), topicDefinitionFor(dlqTopicFor(topic))])
    .map((definition) => ({
      topic: definition.name,
      numPartitions: definition.partitions,
      replicationFactor,
      configEntries: topicConfigEntries(definition),
    }));
}

/**
 * Creates missing topics with their partitions. Where the broker cannot create topics it says so once and
 * relies on auto-creation at first use.
 */
export async function provisionTopics(
  kafka: Kafka,
  specs: TopicSpec[],
  capabilities: BrokerCapabilities,
  logger: Logger,
): Promise<'created' | 'auto-create'> {
  if (!capabilities.controllerReachable) {
    logger.warn(
      { topics: specs.length },
      'broker cannot create topics (no reachable controller, e.g. the librdkafka mock): relying on auto-creation at first use',
    );
    return 'auto-create';
  }
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing, waitForLeaders: true, timeout: 10000 });
      logger.info({ topics: missing.map((spec) => spec.topic) }, 'created topics');
    }
    return 'created';
  } catch (error) {
    logger.warn(
      { error: errorMessage(error) },
      'topic creation failed: relying on auto-creation at first use',
    );
    return 'auto-create';
  } finally {
    await admin.disconnect();
  }
}
