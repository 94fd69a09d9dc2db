/**
 * npm run keys: prints fresh keys as lines for docker compose's .env file: the built-in issuer's signing key, and
 * membership's event signing key with the public key set the consuming services verify role events with.
 */
import { generateSigningKeys } from '@praxis/platform/auth';

async function main(): Promise<void> {
  const { privateJwk } = await generateSigningKeys();
  const events = await generateSigningKeys();
  process.stdout.write(`PRAXIS_SIGNING_KEY='${JSON.stringify(privateJwk)}'\n`);
  process.stdout.write(`PRAXIS_EVENT_SIGNING_KEY='${JSON.stringify(events.privateJwk)}'\n`);
  process.stdout.write(`PRAXIS_EVENT_VERIFICATION_KEYS='${JSON.stringify(events.publicJwks)}'\n`);
}

void main();
