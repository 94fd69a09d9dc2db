import 'reflect-metadata';
import { bootstrapService, type ServiceSpec } from '@praxis/platform/service';
import { FundingAppModule } from './app.module';
import { loadFundingConfig, type FundingConfig } from './config';

export const fundingSpec: ServiceSpec<FundingConfig> = {
  name: 'funding',
  loadConfig: (source) => loadFundingConfig(source),
  port: (config) => config.PORT,
  module: (config, logger) => FundingAppModule.forRoot(config, logger),
};

export async function startFunding() {
  return bootstrapService(fundingSpec);
}

if (require.main === module) {
  startFunding().catch((error: unknown) => {
    process.stderr.write(
      `funding failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
