import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { stopChild } from './child-process';

/** A node child that prints "ready" once its handlers are installed, then runs `script`. */
async function child(script: string): Promise<ChildProcess> {
  const started = spawn(
    process.execPath,
    ['-e', `${script}; console.log('ready'); setInterval(() => {}, 1000);`],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await once(started.stdout, 'data');
  return started;
}

describe('stopChild', () => {
  it('sends the signal asked for and resolves with the exit code the child chose', async () => {
    const started = await child("process.on('SIGINT', () => process.exit(3))");
    await expect(stopChild(started, { signal: 'SIGINT', graceMs: 10000 })).resolves.toBe(3);
  });

  it('sends SIGTERM by default', async () => {
    const started = await child("process.on('SIGTERM', () => process.exit(0))");
    await expect(stopChild(started)).resolves.toBe(0);
  });

  it('kills a child that ignores the signal once the grace period is over (no exit code)', async () => {
    const started = await child("process.on('SIGTERM', () => undefined)");
    const since = Date.now();
    await expect(stopChild(started, { graceMs: 200 })).resolves.toBeNull();
    expect(started.signalCode).toBe('SIGKILL');
    expect(Date.now() - since).toBeGreaterThanOrEqual(190);
  });

  it('resolves at once with the code of a child that has already exited', async () => {
    const started = spawn(process.execPath, ['-e', 'process.exit(5)'], { stdio: 'ignore' });
    await once(started, 'exit');
    await expect(stopChild(started, { signal: 'SIGINT' })).resolves.toBe(5);
  });
});
