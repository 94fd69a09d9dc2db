import { ConfigError, env, loadConfig } from '@praxis/platform/config';
import { kafkaSaslProblems } from '@praxis/platform/messaging';
import { memberReplicaEnvShape } from '@praxis/platform/member-replica';
import { serviceEnvShape } from '@praxis/platform/service';
import {
  communityEnvShape as communityOwnEnvShape,
  communityOptionsFromEnv,
} from '@praxis/community/feature';

/**
 * Community's environment: the platform's, its port, the member replica's and its own (the reflection secret,
 * the offer deadline, the certificate verification page), validated at boot with every problem reported at once.
 */
const communityEnvShape = {
  ...serviceEnvShape,
  PORT: env.port(3005),
  ...memberReplicaEnvShape,
  ...communityOwnEnvShape,
};

export type CommunityConfig = ReturnType<typeof loadCommunityConfig>;

export function loadCommunityConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(communityEnvShape, source);
  const problems = kafkaSaslProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, community: communityOptionsFromEnv(config) };
}
