import path from 'node:path';
import { z } from 'zod';
import { ConfigError, env, loadConfig } from '@praxis/platform/config';
import { queryLimitsEnvShape } from '@praxis/platform/graphql';

const gatewayEnvShape = {
  NODE_ENV: env.nodeEnv(),
  LOG_LEVEL: env.logLevel(),
  PORT: env.port(4000),
  SUPERGRAPH_PATH: z.string().default(path.join(process.cwd(), 'infra', 'supergraph.graphql')),
  ...queryLimitsEnvShape,
  OTEL_EXPORTER_OTLP_ENDPOINT: env.url().optional(),
  /** The load balancer in front of the gateway, if any; unset, the client address is the socket's. */
  TRUST_PROXY: env.trustProxy('false'),
  MAX_QUERY_BYTES: env.int(20000, 100),
  /** The built web client (`npm run build:web`), served at `/`; GraphQL stays at `/graphql`. */
  WEB_ROOT: z.string().default(path.join(process.cwd(), 'dist', 'web')),
  /** The bearer token Prometheus sends to scrape /metrics; unset, /metrics is not served. */
  METRICS_TOKEN: env.secret().optional(),
  /**
   * The single-fetch path (apps/gateway/src/single-fetch.ts): an operation planned as one fetch from one subgraph
   * is forwarded as it came, without Apollo Server's pipeline and the gateway's executor. `false` turns it off.
   */
  GATEWAY_SINGLE_FETCH: env.bool(true),
};

/** `SUBGRAPH_<NAME>_URL` overrides the URL the supergraph records for subgraph `<name>` (compose, npm start). */
const SUBGRAPH_URL_VARIABLE = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(source: Record<string, string | undefined> = process.env) {
  // any subgraph, so adding a service needs no new gateway variable; each value is still checked at boot
  const subgraphUrls: Record<string, string> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(source)) {
    const match = SUBGRAPH_URL_VARIABLE.exec(key);
    if (!match || value === undefined || value.trim() === '') continue;
    if (URL.canParse(value)) subgraphUrls[match[1].toLowerCase()] = value;
    else problems.push(`${key}: must be a URL`);
  }
  let config: ReturnType<typeof loadConfig<typeof gatewayEnvShape>> | undefined;
  try {
    config = loadConfig(gatewayEnvShape, source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.unshift(...error.problems);
  }
  if (!config || problems.length > 0) throw new ConfigError(problems);
  return { ...config, subgraphUrls };
}

export function subgraphUrlOverride(config: GatewayConfig, name: string): string | undefined {
  return config.subgraphUrls[name.toLowerCase()];
}
