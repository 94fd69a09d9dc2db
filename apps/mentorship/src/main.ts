import 'reflect-metadata';
import { bootstrapService, type ServiceSpec } from '@praxis/platform/service';
import { MentorshipAppModule } from './app.module';
import { loadMentorshipConfig, type MentorshipConfig } from './config';

export const mentorshipSpec: ServiceSpec<MentorshipConfig> = {
  name: 'mentorship',
  loadConfig: (source) => loadMentorshipConfig(source),
  port: (config) => config.PORT,
  module: (config, logger) => MentorshipAppModule.forRoot(config, logger),
};

export async function startMentorship() {
  return bootstrapService(mentorshipSpec);
}

if (require.main === module) {
  startMentorship().catch((error: unknown) => {
    process.stderr.write(
      `mentorship failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
