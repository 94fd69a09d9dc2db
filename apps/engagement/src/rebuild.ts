/**
 * npm run engagement:rebuild: rebuilds engagement's projections from the event topics into fresh tables and
 * swaps them in, while the running service keeps answering from its tables (docs/engagement.md, "Rebuild").
 *
 *   DATABASE_URL=postgres://…/praxis_engagement KAFKA_BROKERS=host:port npm run engagement:rebuild
 *
 * It refuses to replace anything when a topic no longer starts at offset 0 (its oldest events deleted), unless
 * given `-- --allow-truncated-history`.
 *
 * The environment is the service's (DATABASE_URL, KAFKA_*, DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY); without the
 * demographics key it takes the one `npm start` generated into .praxis/, as the launcher gives it to the service.
 */
import path from 'node:path';
import { createKafka, kafkaSettingsFromEnv } from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import {
  engagementOptionsFromEnv,
  projectionHandlers,
  rebuildProjections,
  replayHandlers,
  terminalProgress,
} from '@praxis/engagement/feature';
import { loadRebuildConfig } from './config';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const config = loadRebuildConfig(root);
  const logger = createLogger('engagement-rebuild', config.LOG_LEVEL);
  const options = engagementOptionsFromEnv(config);
  if (!options.demographicsKey)
    logger.warn('no DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY: the rebuilt projections hold no demographic answers');
  const settings = kafkaSettingsFromEnv('praxis-engagement-rebuild', config);
  const summary = await rebuildProjections({
    databaseUrl: config.DATABASE_URL,
    kafka: createKafka(settings, logger),
    handlers: projectionHandlers(options.demographicsKey),
    replayHandlers: replayHandlers(options.demographicsKey),
    logger,
    consumer: settings,
    onProgress: terminalProgress(process.stderr),
    allowTruncatedHistory: process.argv.includes('--allow-truncated-history'),
  });
  process.stdout.write(
    `rebuilt engagement's projections: ${summary.replayed} messages replayed (${Math.round(summary.replayRate)}/s), ` +
      `${summary.caughtUp} more after the swap, ${summary.notApplied} not applicable (already dead-lettered), ` +
      `roll-up and statistics ${summary.finishSeconds.toFixed(2)} s of the replay, ` +
      `${Math.round(summary.replayCpuMicrosPerEvent)} µs CPU per event, ${summary.seconds.toFixed(1)} s\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `\nengagement rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
