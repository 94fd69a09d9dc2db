import 'reflect-metadata';
import { bootstrapService, type ServiceSpec } from '@praxis/platform/service';
import { CommunityAppModule } from './app.module';
import { loadCommunityConfig, type CommunityConfig } from './config';

export const communitySpec: ServiceSpec<CommunityConfig> = {
  name: 'community',
  loadConfig: (source) => loadCommunityConfig(source),
  port: (config) => config.PORT,
  module: (config, logger) => CommunityAppModule.forRoot(config, logger),
};

export async function startCommunity() {
  return bootstrapService(communitySpec);
}

if (require.main === module) {
  startCommunity().catch((error: unknown) => {
    process.stderr.write(
      `community failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
