import { ConfigError, env, loadConfig } from '@praxis/platform/config';
import { kafkaSaslProblems } from '@praxis/platform/messaging';
import { memberReplicaEnvShape } from '@praxis/platform/member-replica';
import { serviceEnvShape } from '@praxis/platform/service';
import { matchWeightsEnvShape, mentorshipOptionsFromEnv } from '@praxis/mentorship/feature';

/**
 * Mentorship's environment: the platform's, the port, and the match weights (MATCH_WEIGHT_*, integers,
 * defaults and meaning in libs/mentorship/domain/src/lib/match-weights.ts), validated at boot with every
 * problem reported at once.
 */
const mentorshipEnvShape = {
  ...serviceEnvShape,
  PORT: env.port(3003),
  ...memberReplicaEnvShape,
  ...matchWeightsEnvShape,
};

export type MentorshipConfig = ReturnType<typeof loadMentorshipConfig>;

export function loadMentorshipConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(mentorshipEnvShape, source);
  const problems = kafkaSaslProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, mentorship: mentorshipOptionsFromEnv(config) };
}
