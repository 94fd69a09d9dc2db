/**
 * A comparison gateway for the per-request benchmark only: the same Apollo Gateway (the committed supergraph, our
 * `SubgraphDataSource`, the same query limits) in Apollo Server's standalone server, a bare Node
 * HTTP server, without the access logs, the work context or tracing. Our gateway answers `/graphql` outside Nest
 * and Express too (apps/gateway/src/graphql-handler.ts): the gap is what that handler adds around Apollo.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway } from '@apollo/gateway';
import { queryLimitsServerOptions } from '@praxis/platform/graphql';
// the gateway's own data source, so the comparison differs from our gateway in the HTTP layer alone
// eslint-disable-next-line @nx/enforce-module-boundaries
import { SubgraphDataSource, type GatewayContext } from '../../apps/gateway/src/subgraph-data-source';

async function main(): Promise<void> {
  const supergraphSdl = readFileSync(path.join(process.cwd(), 'infra', 'supergraph.graphql'), 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, process.env[`SUBGRAPH_${name.toUpperCase()}_URL`] ?? url ?? ''),
  });
  const limits = queryLimitsServerOptions();
  const server = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: limits.plugins,
    includeStacktraceInErrorResponses: false,
  });
  await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 4100), host: '127.0.0.1' },
    // the data source reads the caller's headers and address; a bare request has both
    context: async ({ req }) => ({
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
      clientAddress: req.socket.remoteAddress,
      setCookie: () => undefined,
    }),
  });
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`bare gateway failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
