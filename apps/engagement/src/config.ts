import { ConfigError, env, loadConfig } from '@praxis/platform/config';
import { kafkaSaslProblems } from '@praxis/platform/messaging';
import { memberReplicaEnvShape } from '@praxis/platform/member-replica';
import { serviceEnvShape } from '@praxis/platform/service';
import {
  engagementEnvShape as engagementOwnEnvShape,
  engagementOptionsFromEnv,
} from '@praxis/engagement/feature';

/**
 * Engagement's environment: the platform's, its port, the member replica's, the suppression threshold and the
 * demographics recipient's private key, validated at boot with every problem reported at once.
 */
const engagementEnvShape = {
  ...serviceEnvShape,
  PORT: env.port(3006),
  ...memberReplicaEnvShape,
  ...engagementOwnEnvShape,
};

export type EngagementConfig = ReturnType<typeof loadEngagementConfig>;

export function loadEngagementConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(engagementEnvShape, source);
  const problems = kafkaSaslProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, engagement: engagementOptionsFromEnv(config) };
}
