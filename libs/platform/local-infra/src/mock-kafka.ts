import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface RunningBroker {
  brokers: string;
  stop(): Promise<void>;
  pid: number | undefined;
}

export const KCAT_MISSING_MESSAGE =
  'kcat was not found on PATH. It provides the local Kafka-protocol broker (the librdkafka mock cluster).\n' +
  '  Install it with:   sudo apt-get install -y kcat      (Debian/Ubuntu)\n' +
  '  or point Praxis at a real broker with KAFKA_BROKERS=host:9092 (e.g. `docker compose up kafka`).';

export function kcatAvailable(): boolean {
  const probe = spawnSync('kcat', ['-V'], { stdio: 'ignore' });
  return probe.error === undefined;
}

/**
 * Starts the librdkafka mock cluster through kcat. It speaks the Kafka protocol, keeps data in memory and lives
 * as long as the kcat process; see ARCHITECTURE.md for what it can and cannot do.
 */
export function startMockKafka(
  options: { brokers?: number; timeoutMs?: number } = {},
): Promise<RunningBroker> {
  if (!kcatAvailable()) {
    return Promise.reject(new Error(KCAT_MISSING_MESSAGE));
  }
  const child: ChildProcess = spawn(
    'kcat',
    [
      '-X',
      `test.mock.num.brokers=${options.brokers ?? 1}`,
      '-d',
      'mock',
      '-b',
      'dummy',
      '-C',
      '-t',
      '__praxis_keepalive',
      '-o',
      'end',
      '-q',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(
        new Error(`kcat mock broker did not report its address within ${options.timeoutMs ?? 10000} ms`),
      );
    }, options.timeoutMs ?? 10000);
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const match = /bootstrap\.servers=(\S+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        buffer = '';
        // keep draining stderr so the pipe never fills and blocks the broker
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve({ brokers: match[1], pid: child.pid, stop: () => stopChild(child) });
      }
    };
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kcat exited with code ${code} before the mock broker was ready`));
    });
  });
}

export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
