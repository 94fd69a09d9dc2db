/**
 * An alternative gateway for the per-request benchmark only: Hive Gateway's runtime serving the same committed
 * supergraph (`infra/supergraph.graphql`), subgraph URLs from SUBGRAPH_<NAME>_URL as for our gateway, the
 * Authorization header passed on. It has none of our gateway's limits, access logs, cookie handling or tracing,
 * so it shows what the router itself costs, not a drop-in replacement.
 *
 * Hive merges identical subgraph queries in flight by default (`deduplicateInflightRequests` of its HTTP
 * executor: same URL, headers and body share one call). Ten benchmark clients sending one query with one token
 * are therefore fewer subgraph calls through Hive than through our gateway, which makes each call;
 * HIVE_DEDUPLICATE_INFLIGHT=false turns that off so both do the same work.
 *
 * Not a dependency of the workspace: the benchmark runs it when `@graphql-hive/gateway-runtime` (2.12.1 installs
 * on Node 20) resolves, e.g. after `npm install --no-save @graphql-hive/gateway-runtime@2.12.1`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

interface HiveRuntime {
  createGatewayRuntime(
    options: Record<string, unknown>,
  ): (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void;
}

export const HIVE_RUNTIME_MODULE = '@graphql-hive/gateway-runtime';

export function hiveRuntimeInstalled(): boolean {
  try {
    require.resolve(HIVE_RUNTIME_MODULE);
    return true;
  } catch {
    return false;
  }
}

function main(): void {
  // the workspace (run from its source or compiled into tmp/, the benchmark's working directory is the root)
  let supergraph = readFileSync(path.join(process.cwd(), 'infra', 'supergraph.graphql'), 'utf8');
  // the supergraph records the fixed ports; point each subgraph wherever the benchmark started it
  supergraph = supergraph.replace(
    /@join__graph\(name: "([a-z0-9-]+)", url: "[^"]*"\)/g,
    (whole, name: string) => {
      const url = process.env[`SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_URL`];
      return url ? `@join__graph(name: "${name}", url: "${url}")` : whole;
    },
  );
  const hive = require(HIVE_RUNTIME_MODULE) as HiveRuntime;
  const gateway = hive.createGatewayRuntime({
    supergraph,
    logging: 'error',
    graphqlEndpoint: '/graphql',
    transportEntries: {
      '*.http': {
        options: { deduplicateInflightRequests: process.env.HIVE_DEDUPLICATE_INFLIGHT !== 'false' },
      },
    },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }: { request: Request }) => ({
        authorization: request.headers.get('authorization'),
      }),
    },
  });
  createServer(gateway).listen(Number(process.env.PORT ?? 4100), '127.0.0.1');
}

if (require.main === module) main();
