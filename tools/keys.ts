/**
 * npm run keys: prints fresh keys as lines for docker compose's .env file: the built-in issuer's signing key, and
 * membership's event signing key with the public key set the consuming services verify role events with.
 */
import { randomBytes } from 'node:crypto';
import { generateSigningKeys } from '@praxis/platform/auth';
import { generateRecipientKeys } from '@praxis/platform/messaging';
import { aclPrincipals } from './kafka-acls';

async function main(): Promise<void> {
  const { privateJwk } = await generateSigningKeys();
  const events = await generateSigningKeys();
  process.stdout.write(`PRAXIS_SIGNING_KEY='${JSON.stringify(privateJwk)}'\n`);
  process.stdout.write(`PRAXIS_EVENT_SIGNING_KEY='${JSON.stringify(events.privateJwk)}'\n`);
  process.stdout.write(`PRAXIS_EVENT_VERIFICATION_KEYS='${JSON.stringify(events.publicJwks)}'\n`);
  // the bearer token Prometheus sends to every process's /metrics
  process.stdout.write(`PRAXIS_METRICS_TOKEN='${randomBytes(32).toString('base64url')}'\n`);
  // community derives attendees' one-time reflection tokens from it (kept out of the database)
  process.stdout.write(`PRAXIS_COMMUNITY_REFLECTION_SECRET='${randomBytes(32).toString('base64')}'\n`);
  // membership encrypts demographic answers for engagement alone
  const recipient = await generateRecipientKeys();
  process.stdout.write(`PRAXIS_DEMOGRAPHICS_RECIPIENT_PUBLIC_KEY='${recipient.publicJwk}'\n`);
  process.stdout.write(`PRAXIS_DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY='${recipient.privateJwk}'\n`);
  // the broker's admin and one SCRAM principal per service (compose's Kafka init step creates them)
  process.stdout.write(`PRAXIS_KAFKA_ADMIN_PASSWORD='${randomBytes(24).toString('base64url')}'\n`);
  for (const principal of aclPrincipals()) {
    const variable = `PRAXIS_KAFKA_PASSWORD_${principal.toUpperCase().replace(/-/g, '_')}`;
    process.stdout.write(`${variable}='${randomBytes(24).toString('base64url')}'\n`);
  }
}

void main();
