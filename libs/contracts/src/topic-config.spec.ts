import { z } from 'zod';
import { defineEvent } from './envelope';
import { dlqTopicFor, topicDefinitionFor, topicDefinitions } from './registry';
import { DLQ_TOPIC_CONFIG, EVENT_TOPIC_CONFIG, topicConfigEntries } from './topic-config';

const payload = z.object({ n: z.number() });
const demo = (happened: string, extra: { partitions?: number; topicConfig?: Record<string, string> } = {}) =>
  defineEvent({ service: 'demo', entity: 'thing', happened, version: 1, payload, ...extra });

describe('topic definitions in contracts', () => {
  it('gives an event topic the defaults: 6 partitions, kept forever, delete policy', () => {
    const contract = demo('made');
    expect(contract.partitions).toBe(6);
    expect(contract.topicConfig).toEqual({ 'retention.ms': '-1', 'cleanup.policy': 'delete' });
    expect(contract.topicConfig).toEqual(EVENT_TOPIC_CONFIG);
    expect(contract.compacted).toBe(false);
  });

  it('lets a contract override any part of it', () => {
    const contract = demo('latest', { partitions: 3, topicConfig: { 'cleanup.policy': 'compact' } });
    expect(contract.partitions).toBe(3);
    expect(contract.compacted).toBe(true);
    expect(topicConfigEntries(topicDefinitions([contract])[0])).toEqual([
      { name: 'retention.ms', value: '-1' },
      { name: 'cleanup.policy', value: 'compact' },
    ]);
  });

  it('refuses a definition Kafka would refuse', () => {
    expect(() => demo('bad', { partitions: 0 })).toThrow(/partitions must be a positive integer/);
    expect(() => demo('bad', { topicConfig: { 'retention.ms': '0' } })).toThrow(
      /retention.ms must be -1 \(forever\) or a positive integer/,
    );
  });

  it('pairs every topic with its dead-letter topic, which has its own policy (1 partition, 30 days)', () => {
    const contract = demo('paired');
    expect(topicDefinitions([contract])).toEqual([
      { name: 'demo.thing.paired.v1', partitions: 6, config: EVENT_TOPIC_CONFIG },
      { name: 'demo.thing.paired.v1.dlq', partitions: 1, config: DLQ_TOPIC_CONFIG },
    ]);
    expect(DLQ_TOPIC_CONFIG).toEqual({
      'retention.ms': String(30 * 24 * 3600 * 1000),
      'cleanup.policy': 'delete',
    });
    expect(topicDefinitionFor(dlqTopicFor('anything.v1')).config).toBe(DLQ_TOPIC_CONFIG);
  });
});
