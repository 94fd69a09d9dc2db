import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { stopOnSignals, type SignalTarget } from './signals';

function fakeProcess() {
  const emitter = new EventEmitter();
  const exit = jest.fn();
  const target: SignalTarget = {
    once: (event, listener) => emitter.once(event, listener),
    removeListener: (event, listener) => emitter.removeListener(event, listener),
    exit,
  };
  return { emitter, exit, target };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('stopOnSignals (a benchmark interrupted stops what it started)', () => {
  it('stops once on SIGTERM, then exits with 143', async () => {
    const { emitter, exit, target } = fakeProcess();
    let finish = () => undefined as void;
    const stop = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    stopOnSignals(stop, target, () => undefined);
    emitter.emit('SIGTERM');
    emitter.emit('SIGINT');
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).toHaveBeenCalledWith(143);
    expect(emitter.listenerCount('SIGINT')).toBe(0);
  });

  it('exits with 130 on SIGINT even when stopping fails, and does nothing once released', async () => {
    const { emitter, exit, target } = fakeProcess();
    const lines: string[] = [];
    stopOnSignals(
      () => Promise.reject(new Error('port busy')),
      target,
      (line) => lines.push(line),
    );
    emitter.emit('SIGINT');
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).toHaveBeenCalledWith(130);
    expect(lines.join('\n')).toMatch(/port busy/);

    const second = fakeProcess();
    const stop = jest.fn(() => Promise.resolve());
    stopOnSignals(stop, second.target, () => undefined)();
    second.emitter.emit('SIGTERM');
    expect(stop).not.toHaveBeenCalled();
    expect(second.emitter.listenerCount('SIGTERM')).toBe(0);
  });

  it('a process killed by SIGTERM (as `timeout` does) stops its child service by PID', async () => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, 'signals.fixture.ts')],
      { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const servicePid = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once('exit', (code) => reject(new Error(`fixture exited with ${code} before starting`)));
    });
    expect(alive(servicePid)).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(alive(servicePid)).toBe(false);
  }, 120000);
});
