import { env, loadConfig } from '@praxis/platform/config';
import { memberReplicaEnvShape } from '@praxis/platform/member-replica';
import { serviceEnvShape } from '@praxis/platform/service';

const proposalsEnvShape = {
  ...serviceEnvShape,
  PORT: env.port(3002),
  ...memberReplicaEnvShape,
};

export type ProposalsConfig = ReturnType<typeof loadProposalsConfig>;

export function loadProposalsConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(proposalsEnvShape, source);
}
