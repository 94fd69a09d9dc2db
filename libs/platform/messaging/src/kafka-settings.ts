import { Kafka, logLevel, type ISocketFactory, type KafkaConfig } from 'kafkajs';
import { z } from 'zod';
import { env } from '@praxis/platform/config';
import type { Logger } from '@praxis/platform/observability';

/**
 * Environment shape for Kafka, shared by every service. Defaults suit a real cluster; the local mock broker
 * wants short timings (the launcher and tests set them), see ARCHITECTURE.md.
 */
export const kafkaEnvShape = {
  KAFKA_BROKERS: env.brokers(),
  KAFKA_SESSION_TIMEOUT_MS: env.int(30000, 1000),
  KAFKA_HEARTBEAT_INTERVAL_MS: env.int(3000, 100),
  KAFKA_MAX_WAIT_MS: env.int(1000, 10),
  KAFKA_REPLICATION_FACTOR: env.int(1, 1),
  KAFKA_CONSUMER_MAX_ATTEMPTS: env.int(5, 1),
  /** Partitions of one consumer group applied at the same time (each holds a database connection meanwhile). */
  KAFKA_PARTITIONS_CONCURRENTLY: env.int(4, 1),
  /** SASL over the connection (SASL_PLAINTEXT); set with username and password, as compose does per service. */
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512', 'scram-sha-256']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(12, { message: 'must be at least 12 characters' }).optional(),
};

interface KafkaSaslEnv {
  KAFKA_SASL_MECHANISM?: 'scram-sha-512' | 'scram-sha-256';
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}

/** The SASL variables go together: all three or none (services add these to their config errors). */
export function kafkaSaslProblems(config: KafkaSaslEnv): string[] {
  const set = [config.KAFKA_SASL_MECHANISM, config.KAFKA_SASL_USERNAME, config.KAFKA_SASL_PASSWORD].filter(
    (value) => value !== undefined,
  ).length;
  return set === 0 || set === 3
    ? []
    : [
        'KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD: set all three to authenticate, or none',
      ];
}

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxWaitMs: number;
  replicationFactor: number;
  consumerMaxAttempts: number;
  /** Partitions of one consumer group applied at the same time; 1 when unset. */
  partitionsConsumedConcurrently?: number;
  /** Credentials for the broker; unset on brokers that cannot authenticate (the local mock). */
  sasl?:
    | { mechanism: 'scram-sha-512'; username: string; password: string }
    | { mechanism: 'scram-sha-256'; username: string; password: string };
  /** Lets tests cut the network between a client and the broker; production leaves it unset. */
  socketFactory?: ISocketFactory;
}

export function kafkaSettingsFromEnv(
  clientId: string,
  config: {
    KAFKA_BROKERS: string[];
    KAFKA_SESSION_TIMEOUT_MS: number;
    KAFKA_HEARTBEAT_INTERVAL_MS: number;
    KAFKA_MAX_WAIT_MS: number;
    KAFKA_REPLICATION_FACTOR: number;
    KAFKA_CONSUMER_MAX_ATTEMPTS: number;
    KAFKA_PARTITIONS_CONCURRENTLY?: number;
  } & KafkaSaslEnv,
): KafkaSettings {
  const {
    KAFKA_SASL_MECHANISM: mechanism,
    KAFKA_SASL_USERNAME: username,
    KAFKA_SASL_PASSWORD: password,
  } = config;
  return {
    ...(mechanism && username && password
      ? {
          sasl:
            mechanism === 'scram-sha-512'
              ? { mechanism, username, password }
              : { mechanism: 'scram-sha-256' as const, username, password },
        }
      : {}),
    brokers: config.KAFKA_BROKERS,
    clientId,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: config.KAFKA_HEARTBEAT_INTERVAL_MS,
    maxWaitMs: config.KAFKA_MAX_WAIT_MS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    consumerMaxAttempts: config.KAFKA_CONSUMER_MAX_ATTEMPTS,
    partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENTLY ?? 4,
  };
}

/**
 * The librdkafka 2.12 mock (kafka-crab-js) answers a leaving consumer's LeaveGroup v3 with a body kafkajs cannot
 * decode ("offset is out of range"). The consumer has already stopped and closes its connection, so the group
 * drops it after the session timeout as it would anyway; the line is noise, not a fault, and goes to debug.
 */
export function isMockLeaveGroupNoise(message: string, error: unknown): boolean {
  return (
    message.includes('Response LeaveGroup') &&
    typeof error === 'string' &&
    error.includes('"offset" is out of range')
  );
}

/** Routes kafkajs' own log lines into our structured logger instead of its console output. */
export function createKafka(settings: KafkaSettings, logger: Logger): Kafka {
  const config: KafkaConfig = {
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => {
      const { message, ...rest } = entry.log;
      const line = { kafka: entry.namespace, ...rest };
      if (isMockLeaveGroupNoise(message, rest.error))
        logger.debug(line, `${message} (the mock broker's LeaveGroup answer; harmless)`);
      else if (entry.level === logLevel.ERROR) logger.error(line, message);
      else if (entry.level === logLevel.WARN) logger.warn(line, message);
      else logger.debug(line, message);
    },
  };
  if (settings.socketFactory) config.socketFactory = settings.socketFactory;
  if (settings.sasl) {
    config.ssl = false;
    config.sasl = settings.sasl;
  }
  return new Kafka(config);
}
