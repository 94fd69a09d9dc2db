import { ConfigError, env, loadConfig } from '@praxis/platform/config';
import { kafkaSaslProblems } from '@praxis/platform/messaging';
import { memberReplicaEnvShape } from '@praxis/platform/member-replica';
import { serviceEnvShape } from '@praxis/platform/service';

const proposalsEnvShape = {
  ...serviceEnvShape,
  PORT: env.port(3002),
  ...memberReplicaEnvShape,
};

export type ProposalsConfig = ReturnType<typeof loadProposalsConfig>;

export function loadProposalsConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(proposalsEnvShape, source);
  const problems = kafkaSaslProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
