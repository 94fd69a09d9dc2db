import { connect, type Socket } from 'node:net';
import { Kafka, logLevel, type IHeaders, type ISocketFactory } from 'kafkajs';
import { testBrokers, uniqueName, waitFor } from './helpers';

export interface CollectedMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
  json(): unknown;
}

/** Timings that suit the mock broker as well as a real one (see ARCHITECTURE.md). */
export const FAST_CONSUMER = { sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 100 };

export function testKafka(brokers: string[], socketFactory?: ISocketFactory): Kafka {
  return new Kafka({
    clientId: uniqueName('test'),
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 100 },
    ...(socketFactory ? { socketFactory } : {}),
  });
}

/**
 * A service's Kafka settings for a test against the test broker: a client id of its own and the short timings
 * the local broker needs (as `FAST_CONSUMER`).
 */
export function testKafkaSettings(clientPrefix: string) {
  return {
    brokers: testBrokers(),
    clientId: uniqueName(clientPrefix),
    sessionTimeoutMs: 6000,
    heartbeatIntervalMs: 500,
    maxWaitMs: 100,
    replicationFactor: 1,
    consumerMaxAttempts: 3,
  };
}

/** Reads a topic from the beginning in a group of its own, collecting every message for assertions. */
export async function collectTopic(brokers: string[], topic: string) {
  const kafka = testKafka(brokers);
  const consumer = kafka.consumer({ groupId: uniqueName('collector'), ...FAST_CONSUMER });
  const messages: CollectedMessage[] = [];
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      const value = message.value?.toString('utf8') ?? null;
      messages.push({
        key: message.key?.toString('utf8') ?? null,
        value,
        headers: headersToStrings(message.headers),
        partition,
        offset: message.offset,
        json: () => (value === null ? null : JSON.parse(value)),
      });
    },
  });
  return {
    messages,
    whenJoined: () =>
      waitFor(() => joined, { timeoutMs: 30000, description: `collector joined for ${topic}` }),
    waitForCount: (count: number, timeoutMs = 20000) =>
      waitFor(() => messages.length >= count && messages, {
        timeoutMs,
        description: `${count} messages on ${topic} (have ${messages.length})`,
      }),
    stop: () => consumer.disconnect(),
  };
}

export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}

/**
 * A kafkajs socket factory whose network can be cut: open connections are destroyed and new ones are refused
 * until `restore`. Lets a test take "the broker" away from one client while the broker itself keeps running.
 */
export function cuttableNetwork(): { socketFactory: ISocketFactory; cut(): void; restore(): void } {
  const sockets = new Set<Socket>();
  let down = false;
  const socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    // port 1 on loopback refuses at once, like a broker that is down
    const socket = connect({ host: down ? '127.0.0.1' : host, port: down ? 1 : port }, onConnect);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  return {
    socketFactory,
    cut: () => {
      down = true;
      for (const socket of sockets) socket.destroy(new Error('network to the broker cut by the test'));
    },
    restore: () => {
      down = false;
    },
  };
}
