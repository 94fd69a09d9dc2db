import path from 'node:path';
import { z } from 'zod';
import { env, loadConfig } from '@praxis/platform/config';

const gatewayEnvShape = {
  NODE_ENV: env.nodeEnv(),
  LOG_LEVEL: env.logLevel(),
  PORT: env.port(4000),
  SUPERGRAPH_PATH: z.string().default(path.join(process.cwd(), 'infra', 'supergraph.graphql')),
  /** Overrides of the subgraph URLs recorded in the supergraph, e.g. in docker compose. */
  SUBGRAPH_MEMBERSHIP_URL: env.url().optional(),
  SUBGRAPH_PROPOSALS_URL: env.url().optional(),
  SUBGRAPH_MENTORSHIP_URL: env.url().optional(),
  SUBGRAPH_FUNDING_URL: env.url().optional(),
  SUBGRAPH_ENGAGEMENT_URL: env.url().optional(),
  MAX_QUERY_DEPTH: env.int(10, 2),
  MAX_QUERY_FIELDS: env.int(500, 10),
  MAX_QUERY_BYTES: env.int(20000, 100),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(gatewayEnvShape, source);
}

export function subgraphUrlOverride(config: GatewayConfig, name: string): string | undefined {
  const key = `SUBGRAPH_${name.toUpperCase()}_URL` as keyof GatewayConfig;
  const value = config[key];
  return typeof value === 'string' ? value : undefined;
}
