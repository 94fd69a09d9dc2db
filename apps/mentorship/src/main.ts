import 'reflect-metadata';
import { bootstrapService } from '@praxis/platform/service';
import { MentorshipAppModule } from './app.module';
import { loadMentorshipConfig, type MentorshipConfig } from './config';

export async function startMentorship() {
  return bootstrapService<MentorshipConfig>({
    name: 'mentorship',
    loadConfig: () => loadMentorshipConfig(),
    port: (config) => config.PORT,
    module: (config, logger) => MentorshipAppModule.forRoot(config, logger),
  });
}

if (require.main === module) {
  startMentorship().catch((error: unknown) => {
    process.stderr.write(
      `mentorship failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
