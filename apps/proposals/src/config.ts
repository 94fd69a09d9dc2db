import { ConfigError, env, loadConfig } from '@praxis/platform/config';
import { kafkaSaslProblems } from '@praxis/platform/messaging';
import { memberReplicaEnvShape } from '@praxis/platform/member-replica';
import { serviceEnvShape } from '@praxis/platform/service';
import { proposalsEnvShape, proposalsOptionsFromEnv } from '@praxis/proposals/feature';

const proposalsServiceEnvShape = {
  ...serviceEnvShape,
  PORT: env.port(3002),
  ...memberReplicaEnvShape,
  ...proposalsEnvShape,
};

export type ProposalsConfig = ReturnType<typeof loadProposalsConfig>;

export function loadProposalsConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(proposalsServiceEnvShape, source);
  const problems = kafkaSaslProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, proposals: proposalsOptionsFromEnv(config) };
}
