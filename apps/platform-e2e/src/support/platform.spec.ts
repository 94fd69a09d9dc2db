import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from '@praxis/platform/local-infra';
import { launcherReady } from './platform';

/** A stand-in for the launcher: a node child running `script`. */
function launcher(script: string): ChildProcess {
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
}

// each spawns a node child, which a loaded machine starts slowly
jest.setTimeout(60000);

describe("launcherReady (startPlatform's wait for the launcher)", () => {
  const started: ChildProcess[] = [];
  const start = (script: string) => {
    const child = launcher(script);
    started.push(child);
    return child;
  };
  afterAll(() => Promise.all(started.map((child) => stopChild(child, { signal: 'SIGKILL' }))));

  it('resolves when the launcher says it is ready, even with the line split across writes', async () => {
    const child = start(
      "process.stdout.write('[praxis] rea'); setTimeout(() => process.stdout.write('dy in 1.0 s\\n'), 200); setInterval(() => {}, 1000)",
    );
    await expect(launcherReady(child, { waitMs: 30000, logFile: 'the.log' })).resolves.toBeUndefined();
  });

  it('rejects as soon as the launcher exits, with its exit code and the log', async () => {
    const child = start('setTimeout(() => process.exit(1), 100)');
    const since = Date.now();
    await expect(launcherReady(child, { waitMs: 30000, logFile: 'the.log' })).rejects.toThrow(
      'npm start exited with 1; see the.log',
    );
    expect(Date.now() - since).toBeLessThan(20000);
  });

  it('rejects after waitMs, and when the caller aborts', async () => {
    await expect(
      launcherReady(start('setInterval(() => {}, 1000)'), { waitMs: 300, logFile: 'the.log' }),
    ).rejects.toThrow('timed out after 300 ms waiting for platform ready (log: the.log)');
    const giveUp = new AbortController();
    const waiting = launcherReady(start('setInterval(() => {}, 1000)'), {
      waitMs: 30000,
      signal: giveUp.signal,
      logFile: 'the.log',
    });
    giveUp.abort();
    await expect(waiting).rejects.toThrow('gave up waiting for platform ready (log: the.log)');
  });
});
