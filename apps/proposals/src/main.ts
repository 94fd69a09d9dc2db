import 'reflect-metadata';
import { bootstrapService, type ServiceSpec } from '@praxis/platform/service';
import { ProposalsAppModule } from './app.module';
import { loadProposalsConfig, type ProposalsConfig } from './config';

export const proposalsSpec: ServiceSpec<ProposalsConfig> = {
  name: 'proposals',
  loadConfig: (source) => loadProposalsConfig(source),
  port: (config) => config.PORT,
  module: (config, logger) => ProposalsAppModule.forRoot(config, logger),
};

export async function startProposals() {
  return bootstrapService(proposalsSpec);
}

if (require.main === module) {
  startProposals().catch((error: unknown) => {
    process.stderr.write(
      `proposals failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
