import { generateRecipientKeys } from '@praxis/platform/messaging';
import { announceSharedPlatform, SHARED_PLATFORM_ENV, startPlatform, type StartedPlatform } from './platform';

declare global {
  var __PRAXIS_SHARED_PLATFORM__: StartedPlatform | undefined;
}

/**
 * The system tier's global setup, after the test infrastructure: ONE platform for every suite of the run (each
 * start costs about a minute in CI, eleven of them were half the tier). A fresh demographics key pair per run:
 * membership encrypts for its public half, engagement and the membership suite hold the private one.
 */
export async function startSharedPlatform(): Promise<void> {
  const keys = await generateRecipientKeys('system-test');
  const platform = await startPlatform({
    ...SHARED_PLATFORM_ENV,
    DEMOGRAPHICS_RECIPIENT_PUBLIC_KEY: keys.publicJwk,
    DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY: keys.privateJwk,
  });
  globalThis.__PRAXIS_SHARED_PLATFORM__ = platform;
  announceSharedPlatform({ logFile: platform.logFile, demographicsPrivateJwk: keys.privateJwk });
  process.stderr.write(
    `[system] shared platform ready in ${(platform.readyInMs / 1000).toFixed(1)} s (log: ${platform.logFile})\n`,
  );
}

/** The global teardown, before the infrastructure's: Ctrl-C for the launcher, which must exit cleanly (0). */
export async function stopSharedPlatform(): Promise<void> {
  const platform = globalThis.__PRAXIS_SHARED_PLATFORM__;
  if (!platform) return;
  globalThis.__PRAXIS_SHARED_PLATFORM__ = undefined;
  const started = Date.now();
  const code = await platform.stop();
  process.stderr.write(
    `[system] shared platform stopped in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  if (code !== 0) throw new Error(`the shared platform exited with ${code} (log: ${platform.logFile})`);
}
