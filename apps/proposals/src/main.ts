import 'reflect-metadata';
import { bootstrapService } from '@praxis/platform/service';
import { ProposalsAppModule } from './app.module';
import { loadProposalsConfig, type ProposalsConfig } from './config';

export async function startProposals() {
  return bootstrapService<ProposalsConfig>({
    name: 'proposals',
    loadConfig: () => loadProposalsConfig(),
    port: (config) => config.PORT,
    module: (config, logger) => ProposalsAppModule.forRoot(config, logger),
  });
}

if (require.main === module) {
  startProposals().catch((error: unknown) => {
    process.stderr.write(
      `proposals failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
