/**
 * Jest's node environment, plus a quick exit for the worker process that loads it.
 *
 * "A worker process has failed to exit gracefully and has been force exited" in the integration tier was not a
 * leaked handle: when jest ends a worker (the END message), the worker's event loop is empty at once (its libuv
 * handles are the IPC pipe and stdio only), but Node then tears the V8 heap down page by page before the process
 * ends. After the gateway's suites a worker holds 250 MB of heap (rss 395 MB); on a loaded 2-core machine freeing
 * it takes longer than the 500 ms jest-worker allows (FORCE_EXIT_DELAY, not configurable), so jest kills it and
 * prints the warning (strace of one: END read, IPC pipe closed, then half a second of munmap until SIGTERM).
 * `process.exit` ends the process without disposing of the heap, so on END the worker exits that way. A handle
 * that a suite does leak is still found by `--detectOpenHandles`, which runs in band, where this does nothing.
 */
const { TestEnvironment } = require('jest-environment-node');

/** jest-worker's CHILD_MESSAGE_END: the parent has no more test files for this worker. */
const CHILD_MESSAGE_END = 2;

let exitOnEndInstalled = false;

/** jest-worker's child process: in band (one test file, --runInBand) the tests run in jest's own process. */
const inJestWorker =
  typeof process.send === 'function' &&
  /jest-worker[\\/]build[\\/]processChild\.js$/.test(process.argv[1] ?? '');

/** In a jest-worker child, exits at once when jest ends the worker. */
function exitOnEnd() {
  if (exitOnEndInstalled || !inJestWorker) return;
  exitOnEndInstalled = true;
  process.on('message', (message) => {
    // jest-worker's own listener runs first (registered before this one) and has nothing to clean up
    if (Array.isArray(message) && message[0] === CHILD_MESSAGE_END) setImmediate(() => process.exit(0));
  });
}

class PraxisNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    exitOnEnd();
  }
}

module.exports = PraxisNodeEnvironment;
