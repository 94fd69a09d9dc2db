/** `npm start`: the whole platform on one machine, no Docker. Ctrl-C stops everything it started. */
import path from 'node:path';
import { launchPlatform, type RunningPlatform } from './launcher';
import { ensureWebBuild } from './web-build';

async function main(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`[praxis] ${line}\n`);
  // compiled, this file is dist/tools/start.js and the workspace (data dir, supergraph) is two levels up
  const root = path.resolve(__dirname, path.extname(__filename) === '.js' ? '../..' : '..');
  // Ctrl-C (or SIGTERM) while starting stops what has started so far, the web build included, and exits;
  // once the platform is up, it stops the platform
  const stopping = new AbortController();
  let shutdown: ((code: number) => Promise<void>) | undefined = undefined;
  const onSignal = () => {
    if (shutdown) void shutdown(0);
    else stopping.abort(new Error('interrupted while starting'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // the client builds while the services start; a failed build leaves the API up and says why
  const web = ensureWebBuild(root, log, stopping.signal).then(
    () => true,
    (error: unknown) => {
      if (!stopping.signal.aborted)
        log(`web client build failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
  );
  let platform: RunningPlatform;
  try {
    platform = await launchPlatform({ root, env: process.env, log, signal: stopping.signal });
  } catch (error) {
    // nothing this process started may outlive it: the web build neither
    stopping.abort(error);
    await web;
    throw error;
  }
  let stopped = false;
  shutdown = async (code: number) => {
    if (stopped) return;
    stopped = true;
    log('stopping...');
    stopping.abort();
    await web;
    await platform.stop();
    log('stopped');
    process.exit(code);
  };
  const webBuilt = await web;
  if (stopped) return;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`ready in ${seconds} s`);
  if (platform.urls.gateway && webBuilt)
    log(`Open Praxis in a browser: ${platform.urls.gateway.replace(/\/graphql$/, '/')}`);
  log(`GraphQL gateway (Apollo Sandbox in a browser): ${platform.urls.gateway ?? 'not started'}`);
  for (const [name, url] of Object.entries(platform.urls)) {
    if (name !== 'gateway')
      log(
        `  ${name} subgraph: ${url}  (health: ${url.replace('/graphql', '/health')}, metrics: ${url.replace('/graphql', '/metrics')})`,
      );
  }
  log(`metrics need: Authorization: Bearer ${platform.metricsToken}  (set METRICS_TOKEN to choose it)`);
  log(`Kafka brokers: ${platform.brokers}`);
  log('Ctrl-C stops everything');

  const exit = await platform.exited;
  if (!stopped) {
    log(`${exit.service} exited unexpectedly (code ${exit.code}); stopping the platform`);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[praxis] failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
