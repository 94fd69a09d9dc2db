import { Writable } from 'node:stream';
import { Partitioners } from 'kafkajs';
import pino from 'pino';
import { FAST_CONSUMER, testBrokers, uniqueName, usingMockBroker, waitFor } from '@praxis/platform/testing';
import { createKafka, isMockLeaveGroupNoise } from './kafka-settings';

describe('kafkajs log lines', () => {
  it('a consumer that joins, consumes and leaves logs nothing at warn or above', async () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const logger = pino({ level: 'debug' }, sink);
    const kafka = createKafka(
      {
        brokers: testBrokers(),
        clientId: uniqueName('logs'),
        sessionTimeoutMs: FAST_CONSUMER.sessionTimeout,
        heartbeatIntervalMs: FAST_CONSUMER.heartbeatInterval,
        maxWaitMs: FAST_CONSUMER.maxWaitTimeInMs,
        replicationFactor: 1,
        consumerMaxAttempts: 1,
      },
      logger,
    );
    const topic = uniqueName('logs.topic');
    const producer = kafka.producer({
      allowAutoTopicCreation: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'k', value: 'v' }] });
    const consumer = kafka.consumer({ groupId: uniqueName('logs-group'), ...FAST_CONSUMER });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let received = 0;
    await consumer.run({ eachMessage: async () => void received++ });
    await waitFor(() => received === 1, { timeoutMs: 30000, description: 'the message' });
    await consumer.disconnect();
    await producer.disconnect();

    const loud = lines.filter((line) => line.level >= 40);
    expect(loud.map((line) => line.msg)).toEqual([]);
    if (usingMockBroker()) {
      // the mock's LeaveGroup answer is kept, at debug, with its explanation (when this mock sends it)
      for (const line of lines.filter((entry) => entry.msg.includes('LeaveGroup')))
        expect(line).toMatchObject({ level: 20, msg: expect.stringContaining('harmless') });
    }
  });

  it('recognises only the mock LeaveGroup decoding failure as noise', () => {
    const decodeError = 'The value of "offset" is out of range. It must be >= 0 and <= 2. Received 6';
    expect(isMockLeaveGroupNoise('[Connection] Response LeaveGroup(key: 13, version: 3)', decodeError)).toBe(
      true,
    );
    expect(isMockLeaveGroupNoise('[Connection] Response Fetch(key: 1, version: 11)', decodeError)).toBe(
      false,
    );
    expect(
      isMockLeaveGroupNoise('[Connection] Response LeaveGroup(key: 13, version: 3)', 'Connection timeout'),
    ).toBe(false);
  });
});
