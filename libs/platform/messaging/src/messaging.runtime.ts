import type { Admin, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventContract } from '@praxis/contracts';
import {
  observeMessaging,
  type Logger,
  type MessagingSample,
  type MessagingSampler,
} from '@praxis/platform/observability';
import {
  createEventProducer,
  probeBroker,
  provisionTopics,
  topicSpecs,
  type BrokerCapabilities,
} from './broker';
import { errorMessage } from './errors';
import { EventConsumer, type EventHandler } from './event.consumer';
import type { EventVerifier } from './event-signature';
import { createKafka, type KafkaSettings } from './kafka-settings';
import { OutboxRelay, type OutboxRelayOptions } from './outbox.relay';

export interface MessagingRuntimeOptions {
  service: string;
  settings: KafkaSettings;
  dataSource: DataSource;
  databaseUrl: string;
  logger: Logger;
  /** Events this service publishes through its outbox (their topics are provisioned). */
  produces: readonly EventContract[];
  consumers?: Array<{ groupId: string; handlers: EventHandler[] }>;
  /** Verifies events that confer rights before any handler sees them (membership's event keys). */
  verifier?: EventVerifier;
  relay?: Partial<
    Pick<OutboxRelayOptions, 'pollIntervalMs' | 'minBackoffMs' | 'maxBackoffMs' | 'batchSize' | 'lingerMs'>
  >;
}

/**
 * A service's whole event plumbing. `start` returns at once: the relay and consumers keep trying to reach the
 * broker in the background, so the service serves (and writes events to its outbox) while Kafka is down.
 */
export class MessagingRuntime implements MessagingSampler {
  readonly kafka: Kafka;
  readonly relay: OutboxRelay;
  readonly consumers: EventConsumer[];
  private capabilities: Promise<BrokerCapabilities> | null = null;
  private producer: Promise<Producer> | null = null;
  private admin: Admin | null = null;
  private stopped = true;
  private connecting: Promise<void> = Promise.resolve();
  private detachMetrics: (() => void) | null = null;

  constructor(private readonly options: MessagingRuntimeOptions) {
    this.kafka = createKafka(options.settings, options.logger);
    this.relay = new OutboxRelay({
      dataSource: options.dataSource,
      databaseUrl: options.databaseUrl,
      lockName: options.service,
      logger: options.logger.child({ component: 'outbox-relay' }),
      producerFactory: async () =>
        createEventProducer(this.kafka, await this.brokerCapabilities(), options.logger),
      ...options.relay,
    });
    this.consumers = (options.consumers ?? []).map(
      (consumer) =>
        new EventConsumer({
          kafka: this.kafka,
          dataSource: options.dataSource,
          groupId: consumer.groupId,
          handlers: consumer.handlers,
          producer: () => this.sharedProducer(),
          settings: options.settings,
          logger: options.logger.child({ component: 'consumer', groupId: consumer.groupId }),
          verifier: options.verifier,
        }),
    );
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (!this.options.settings.sasl) {
      this.options.logger.warn(
        'Kafka without authentication (KAFKA_SASL_* unset, e.g. the local mock broker, which cannot authenticate): ' +
          'whoever reaches the broker can read and write every topic; production runs SASL/SCRAM with ACLs',
      );
    }
    this.relay.start();
    this.detachMetrics = observeMessaging(this);
    this.connecting = this.connectLoop();
  }

  /** Resolves when every consumer has joined its group. */
  async ready(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.whenJoined()));
  }

  /** Drains in-flight work: consumers finish their message and commit, the relay finishes its batch. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.detachMetrics?.();
    this.detachMetrics = null;
    await this.connecting;
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.relay.stop();
    const producer = this.producer;
    this.producer = null;
    if (producer) await (await producer.catch(() => null))?.disconnect();
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = null;
  }

  /** For readiness: resolves when the broker answers a metadata request within the timeout. */
  async checkBroker(timeoutMs = 2000): Promise<void> {
    const attempt = (async () => {
      if (!this.admin) {
        const admin = this.kafka.admin();
        await admin.connect();
        this.admin = admin;
      }
      await this.admin.describeCluster();
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`broker did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([attempt, timeout]);
    } catch (error) {
      const admin = this.admin;
      this.admin = null;
      await admin?.disconnect().catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** For the metrics scrape: broker reachability, the outbox's backlog and failures, and each group's lag. */
  async sample(): Promise<MessagingSample> {
    const [outbox]: Array<{ oldest: number; failed: number }> = await this.options.dataSource.query(
      `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min("created_at") FILTER (WHERE "status" = 'pending')), 0)::float8
                AS "oldest",
              (count(*) FILTER (WHERE "status" = 'failed'))::int AS "failed"
         FROM "outbox" WHERE "status" <> 'sent'`,
    );
    const brokerUp = await this.checkBroker(1000).then(
      () => true,
      () => false,
    );
    return {
      brokerUp,
      oldestPendingSeconds: outbox?.oldest ?? 0,
      failedRows: outbox?.failed ?? 0,
      consumerLag: brokerUp ? await this.consumerLag() : [],
    };
  }

  private async consumerLag(): Promise<MessagingSample['consumerLag']> {
    const admin = this.admin;
    if (!admin) return [];
    const lag: MessagingSample['consumerLag'] = [];
    for (const consumer of this.consumers) {
      const group = consumer.groupId;
      try {
        const committed = await admin.fetchOffsets({ groupId: group, topics: consumer.topics });
        for (const { topic, partitions } of committed) {
          const ends = await admin.fetchTopicOffsets(topic);
          for (const end of ends) {
            const offset = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
            // a group that never committed on a partition has everything from the low watermark ahead of it
            const from = offset >= 0 ? offset : Number(end.low);
            lag.push({ group, topic, partition: end.partition, lag: Math.max(0, Number(end.high) - from) });
          }
        }
      } catch (error) {
        this.options.logger.debug({ group, error: errorMessage(error) }, 'consumer lag not available');
      }
    }
    return lag;
  }

  private brokerCapabilities(): Promise<BrokerCapabilities> {
    this.capabilities ??= probeBroker(this.kafka).catch((error: unknown) => {
      this.capabilities = null;
      throw error;
    });
    return this.capabilities;
  }

  private sharedProducer(): Promise<Producer> {
    this.producer ??= (async () =>
      createEventProducer(this.kafka, await this.brokerCapabilities(), this.options.logger))().catch(
      (error: unknown) => {
        this.producer = null;
        throw error;
      },
    );
    return this.producer;
  }

  private async connectLoop(): Promise<void> {
    const topics = new Set<string>(this.options.produces.map((contract) => contract.topic));
    for (const consumer of this.consumers) consumer.topics.forEach((topic) => topics.add(topic));
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        const capabilities = await this.brokerCapabilities();
        const s = this.options.settings;
        await provisionTopics(
          this.kafka,
          topicSpecs([...topics], s.replicationFactor),
          capabilities,
          this.options.logger,
        );
        for (const consumer of this.consumers) {
          if (this.stopped) return;
          await consumer.start();
        }
        return;
      } catch (error) {
        await Promise.all(this.consumers.map((consumer) => consumer.stop().catch(() => undefined)));
        const delay = Math.min(10000, 250 * 2 ** Math.min(attempt, 6));
        this.options.logger.warn(
          { error: errorMessage(error), retryInMs: delay },
          'cannot reach the broker yet; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
