import { readFileSync } from 'node:fs';
import { ALL_EVENTS } from '@praxis/contracts';
import { topicSpecs } from '@praxis/platform/messaging';
import { TOPICS_FILE } from './kafka-topics';

describe('topics defined once', () => {
  it('runtime provisioning creates exactly the topics, partitions and configs compose creates', () => {
    const fromCompose = readFileSync(TOPICS_FILE, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const [topic, partitions, configs] = line.split(' ');
        return { topic, partitions: Number(partitions), configs: configs.split(',').sort() };
      });
    const fromRuntime = topicSpecs(
      ALL_EVENTS.map((contract) => contract.topic),
      1,
    ).map((spec) => ({
      topic: spec.topic,
      partitions: spec.numPartitions,
      configs: (spec.configEntries ?? []).map((entry) => `${entry.name}=${entry.value}`).sort(),
    }));
    expect(fromRuntime).toEqual(fromCompose);
    expect(fromCompose.length).toBe(ALL_EVENTS.length * 2);
    // event topics keep their history; dead letters do not
    for (const { topic, configs } of fromCompose)
      expect(configs).toContain(topic.endsWith('.dlq') ? 'retention.ms=2592000000' : 'retention.ms=-1');
  });
});
