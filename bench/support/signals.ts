/**
 * A benchmark interrupted (Ctrl-C, or `timeout`'s SIGTERM) must not leave its services running on the benchmark's
 * ports: the next run would find the ports taken, and the services would go on loading a shared machine.
 */

/** The part of `process` this needs (a fake in the tests). */
export interface SignalTarget {
  once(event: NodeJS.Signals, listener: () => void): unknown;
  removeListener(event: NodeJS.Signals, listener: () => void): unknown;
  exit(code: number): never | void;
}

/** The exit code a shell reports for a process ended by the signal (128 + its number). */
const SIGNALS: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * On SIGINT, SIGTERM or SIGHUP runs `stop` (which stops the child processes it started, by their PIDs, and cleans
 * up) once, then exits with 128 + the signal's number. A second signal while stopping finds no listener and ends
 * the process at once. Returns the function that removes the handlers (call it when stopping normally).
 */
export function stopOnSignals(
  stop: () => Promise<void>,
  target: SignalTarget = process,
  report: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): () => void {
  const handlers = new Map<NodeJS.Signals, () => void>();
  const release = () => {
    for (const [signal, handler] of handlers) target.removeListener(signal, handler);
    handlers.clear();
  };
  for (const [signal, code] of Object.entries(SIGNALS) as Array<[NodeJS.Signals, number]>) {
    const handler = () => {
      release();
      report(`${signal}: stopping the services this benchmark started`);
      stop().then(
        () => target.exit(code),
        (error: unknown) => {
          report(
            `stopping after ${signal} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          target.exit(code);
        },
      );
    };
    handlers.set(signal, handler);
    target.once(signal, handler);
  }
  return release;
}
