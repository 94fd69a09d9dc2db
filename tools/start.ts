/** `npm start`: the whole platform on one machine, no Docker. Ctrl-C stops everything it started. */
import path from 'node:path';
import { launchPlatform } from './launcher';
import { ensureWebBuild } from './web-build';

async function main(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`[praxis] ${line}\n`);
  // compiled, this file is dist/tools/start.js and the workspace (data dir, supergraph) is two levels up
  const root = path.resolve(__dirname, path.extname(__filename) === '.js' ? '../..' : '..');
  // the client builds while the services start; a failed build leaves the API up and says why
  const web = ensureWebBuild(root, log).then(
    () => true,
    (error: unknown) => {
      log(`web client build failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
  );
  const platform = await launchPlatform({ root, env: process.env, log });
  const webBuilt = await web;
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

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping...');
    await platform.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const exit = await platform.exited;
  if (!stopping) {
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
