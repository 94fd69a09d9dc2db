import { ConfigError, env, loadConfig } from '@praxis/platform/config';
import { kafkaSaslProblems } from '@praxis/platform/messaging';
import { memberReplicaEnvShape } from '@praxis/platform/member-replica';
import { serviceEnvShape } from '@praxis/platform/service';
import { fundingEnvShape as fundingOwnEnvShape, fundingOptionsFromEnv } from '@praxis/funding/feature';

/**
 * Funding's environment: the platform's, its port and the member replica's, validated at boot with every
 * problem reported at once. Add the service's own variables here (zod, through `env`).
 */
const fundingEnvShape = {
  ...serviceEnvShape,
  PORT: env.port(3004),
  ...memberReplicaEnvShape,
  ...fundingOwnEnvShape,
};

export type FundingConfig = ReturnType<typeof loadFundingConfig>;

export function loadFundingConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(fundingEnvShape, source);
  const problems = kafkaSaslProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, funding: fundingOptionsFromEnv(config) };
}
