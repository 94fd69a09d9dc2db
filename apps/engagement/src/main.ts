import 'reflect-metadata';
import { bootstrapService, type ServiceSpec } from '@praxis/platform/service';
import { EngagementAppModule } from './app.module';
import { loadEngagementConfig, type EngagementConfig } from './config';

export const engagementSpec: ServiceSpec<EngagementConfig> = {
  name: 'engagement',
  loadConfig: (source) => loadEngagementConfig(source),
  port: (config) => config.PORT,
  module: (config, logger) => EngagementAppModule.forRoot(config, logger),
};

export async function startEngagement() {
  return bootstrapService(engagementSpec);
}

if (require.main === module) {
  startEngagement().catch((error: unknown) => {
    process.stderr.write(
      `engagement failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
