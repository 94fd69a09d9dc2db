import 'reflect-metadata';
import { bootstrapService } from '@praxis/platform/service';
import { loadGatewayConfig, type GatewayConfig } from './config';
import { GatewayModule } from './gateway.module';

export function startGateway() {
  return bootstrapService<GatewayConfig>({
    name: 'gateway',
    loadConfig: () => loadGatewayConfig(),
    port: (config) => config.PORT,
    module: (config, logger) => GatewayModule.forRoot(config, logger),
  });
}

if (require.main === module) {
  startGateway().catch((error: unknown) => {
    process.stderr.write(
      `gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
