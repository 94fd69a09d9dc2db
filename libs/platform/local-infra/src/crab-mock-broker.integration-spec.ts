import { spawn } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { crabAvailable, startCrabBroker } from './mock-kafka';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

// kafka-crab-js ships librdkafka for Linux x64 with glibc only; elsewhere kcat or KAFKA_BROKERS serve instead
const onLinuxX64 = crabAvailable() ? describe : describe.skip;

onLinuxX64('the kafka-crab-js local broker', () => {
  it('starts in a child process, serves kafkajs, and is gone once stopped', async () => {
    const broker = await startCrabBroker();
    expect(broker.brokers).toMatch(/^127\.0\.0\.1:\d+$/);
    const kafka = new Kafka({ clientId: 'crab-test', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    await producer.send({ topic: 'crab.test', messages: [{ key: 'a', value: 'hello' }] });
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets('crab.test');
    await admin.disconnect();
    expect(offsets.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(1);

    await broker.stop();
    expect(await until(() => !alive(broker.pid ?? 0), 5000)).toBe(true);
  });

  it('dies with the process that started it, even when that one is killed outright', async () => {
    const localInfra = path.join(__dirname, 'mock-kafka.ts');
    const parent = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '-e',
        `require(${JSON.stringify(localInfra)}).startCrabBroker().then((b) => console.log('PID=' + b.pid))`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    parent.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await until(() => /PID=\d+/.test(output), 20000)).toBe(true);
    const brokerPid = Number(/PID=(\d+)/.exec(output)?.[1]);
    expect(alive(brokerPid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await until(() => !alive(brokerPid), 5000)).toBe(true);
  });
});
