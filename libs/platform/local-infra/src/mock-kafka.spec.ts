import { NO_LOCAL_BROKER_MESSAGE, resolveKafka, type BrokerProbes, type RunningBroker } from './mock-kafka';

function fakeBroker(brokers: string): RunningBroker {
  return { brokers, pid: 4242, stop: async () => undefined };
}

/** Probes that record what was asked, in order, and start nothing real. */
function probes(available: { crab: boolean; kcat: boolean }) {
  const calls: string[] = [];
  const injected: BrokerProbes = {
    crabAvailable: () => {
      calls.push('crab?');
      return available.crab;
    },
    kcatAvailable: () => {
      calls.push('kcat?');
      return available.kcat;
    },
    startCrab: async () => {
      calls.push('start crab');
      return fakeBroker('127.0.0.1:40001');
    },
    startKcat: async () => {
      calls.push('start kcat');
      return fakeBroker('127.0.0.1:40002');
    },
  };
  return { calls, injected };
}

describe('resolveKafka fallback order', () => {
  it('uses KAFKA_BROKERS first and probes nothing local', async () => {
    const { calls, injected } = probes({ crab: true, kcat: true });
    const broker = await resolveKafka({ kafkaBrokers: 'kafka:9092', probes: injected });
    expect(broker).toMatchObject({ brokers: 'kafka:9092', source: 'env', mock: false });
    expect(calls).toEqual([]);
  });

  it('treats an empty KAFKA_BROKERS as unset', async () => {
    const { injected } = probes({ crab: true, kcat: true });
    expect((await resolveKafka({ kafkaBrokers: '  ', probes: injected })).source).toBe('crab');
  });

  it('prefers the kafka-crab-js mock over kcat when both are there', async () => {
    const { calls, injected } = probes({ crab: true, kcat: true });
    const broker = await resolveKafka({ probes: injected });
    expect(broker).toMatchObject({ brokers: '127.0.0.1:40001', source: 'crab', mock: true, pid: 4242 });
    expect(calls).toEqual(['crab?', 'start crab']);
  });

  it('falls back to kcat where kafka-crab-js cannot run (not Linux x64 glibc, or not installed)', async () => {
    const { calls, injected } = probes({ crab: false, kcat: true });
    const broker = await resolveKafka({ probes: injected });
    expect(broker).toMatchObject({ brokers: '127.0.0.1:40002', source: 'kcat', mock: true });
    expect(calls).toEqual(['crab?', 'kcat?', 'start kcat']);
  });

  it('says what to do when there is no broker at all', async () => {
    const { calls, injected } = probes({ crab: false, kcat: false });
    await expect(resolveKafka({ probes: injected })).rejects.toThrow(NO_LOCAL_BROKER_MESSAGE);
    expect(NO_LOCAL_BROKER_MESSAGE).toMatch(/KAFKA_BROKERS=host:9092/);
    expect(calls).toEqual(['crab?', 'kcat?']);
  });
});
