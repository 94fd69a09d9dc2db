import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, env, loadConfig } from '@praxis/platform/config';
import { kafkaEnvShape, kafkaSaslProblems } from '@praxis/platform/messaging';
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

const rebuildEnvShape = {
  LOG_LEVEL: env.logLevel(),
  DATABASE_URL: env.postgresUrl(),
  ...kafkaEnvShape,
  ...engagementOwnEnvShape,
};

/** The launcher's demographics key pair (`npm start` writes it once into .praxis/ and hands it to the service). */
function localDemographicsKey(root: string): string | undefined {
  const file = path.join(root, '.praxis', 'demographics-keys.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { privateJwk?: string }).privateJwk;
}

/** `npm run engagement:rebuild`'s environment: the service's database, broker and engagement variables. */
export function loadRebuildConfig(root: string, source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(rebuildEnvShape, {
    ...source,
    DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY:
      source.DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY ?? localDemographicsKey(root),
  });
  const problems = kafkaSaslProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
