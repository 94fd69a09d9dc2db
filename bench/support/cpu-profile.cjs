/**
 * Preload (`node -r ./bench/support/cpu-profile.cjs`) that profiles a service from start and writes a
 * `.cpuprofile` to CPU_PROFILE_DIR when the process receives SIGWINCH (not SIGUSR2: Nest's shutdown hooks listen to it). `--cpu-prof` writes only at a normal exit,
 * and Nest's shutdown hooks end a service by re-raising SIGTERM, so a profile of a benchmark run is never written.
 */
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const directory = process.env.CPU_PROFILE_DIR;
if (directory) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  process.on('SIGWINCH', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(directory, { recursive: true });
      const name = `${process.env.CPU_PROFILE_NAME ?? 'process'}-${process.pid}.cpuprofile`;
      writeFileSync(path.join(directory, name), JSON.stringify(result.profile));
      session.post('Profiler.start');
    });
  });
}
