import type { ChildProcess } from 'node:child_process';

export interface StopChildOptions {
  /** The signal that asks the child to stop (SIGINT is Ctrl-C, for the launcher that stops its services in order). */
  signal?: NodeJS.Signals;
  /** How long the child may take to exit before it is sent SIGKILL. */
  graceMs?: number;
}

/**
 * Stops a child process: `signal` first, SIGKILL if it has not exited `graceMs` later. Resolves with its exit code
 * (null when a signal ended it), at once if it had already exited.
 */
export function stopChild(
  child: ChildProcess,
  { signal = 'SIGTERM', graceMs = 5000 }: StopChildOptions = {},
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code) => {
      clearTimeout(force);
      resolve(code);
    });
    child.kill(signal);
  });
}
