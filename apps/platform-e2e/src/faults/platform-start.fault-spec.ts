import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { waitFor } from '@praxis/platform/testing';
import { startPlatform, TEST_PORT_BASE } from '../support/platform';

/**
 * startPlatform when the platform is not ready in time: whichever side gives up (the launcher after
 * PRAXIS_READY_TIMEOUT_MS, or the support before it), nothing it started may keep running and holding ports,
 * or the next suite finds them taken. Every process started carries a marker in its environment (the launcher
 * passes its environment on to the services and the web build), so the test finds them by that, not by name.
 */
const MARKER_VARIABLE = 'PRAXIS_TEST_PROCESS_MARKER';

/** The processes whose environment holds `marker`: startPlatform's launcher and all it started. */
function markedProcesses(marker: string): number[] {
  const needle = Buffer.from(`${MARKER_VARIABLE}=${marker}\0`);
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`).includes(needle)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** Whether a process is still running (a zombie has exited: it holds no ports and waits for its parent). */
function running(pid: number): boolean {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether the process runs a service's entry point (apps/<service>/src/main), not the launcher or a build. */
function isService(pid: number): boolean {
  try {
    return /apps\/[a-z-]+\/src\/main\.[jt]s/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Its own ports: `npm test` runs the fault tier beside the system tier, whose shared platform holds TEST_PORT_BASE
 * and the sessions suite's TEST_PORT_BASE + 20.
 */
const PORT_BASE = TEST_PORT_BASE + 40;

// on a loaded machine the launcher may take a minute to stop seven services that are still booting
const TEST_TIMEOUT_MS = 300000;

describe('startPlatform on a platform not ready in time', () => {
  let marker = '';

  beforeEach(() => {
    marker = randomUUID();
  });

  afterEach(() => {
    // whatever a failing run left behind, by PID, so it does not hold ports for the next test
    for (const pid of markedProcesses(marker))
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
  });

  it(
    'leaves no process running when the launcher gives up waiting for readiness',
    async () => {
      // 1 s: no service boots that fast, so the launcher times out while services are still starting; the
      // support waits long enough for a loaded machine to load the launcher and see it give up
      await expect(
        startPlatform(
          { [MARKER_VARIABLE]: marker },
          { readyTimeoutMs: 1000, waitMs: 240000, portBase: PORT_BASE },
        ),
      ).rejects.toThrow(/npm start exited with 1/);
      expect(markedProcesses(marker).filter(running)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'leaves no process running when it gives up before the launcher does (Ctrl-C while starting)',
    async () => {
      // the launcher would wait 5 minutes; the support gives up once services are spawned and booting
      const giveUp = new AbortController();
      const started = startPlatform(
        { [MARKER_VARIABLE]: marker },
        { signal: giveUp.signal, portBase: PORT_BASE },
      );
      try {
        await waitFor(() => markedProcesses(marker).filter(isService).length >= 3, {
          timeoutMs: 120000,
          description: 'three services spawned',
        });
      } finally {
        // whatever happened, startPlatform settles within the test
        giveUp.abort();
      }
      await expect(started).rejects.toThrow(/gave up waiting for platform ready/);
      expect(markedProcesses(marker).filter(running)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
