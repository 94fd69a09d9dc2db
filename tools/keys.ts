/** npm run keys: prints a fresh signing key for the built-in issuer, as a line for docker compose's .env file. */
import { generateSigningKeys } from '@praxis/platform/auth';

generateSigningKeys().then(({ privateJwk }) => {
  process.stdout.write(`PRAXIS_SIGNING_KEY='${JSON.stringify(privateJwk)}'\n`);
});
