import 'reflect-metadata';
import type { JWK } from 'jose';
import { setPasswordHashConcurrency, TokenIssuer } from '@praxis/platform/auth';
import { EventSigner, PayloadEncrypter } from '@praxis/platform/messaging';
import { bootstrapService, type ServiceSpec } from '@praxis/platform/service';
import { DemographicsPublisher, MembershipService } from '@praxis/membership/feature';
import { MembershipAppModule } from './app.module';
import { loadMembershipConfig, type MembershipConfig } from './config';

let issuer: TokenIssuer | undefined;
let eventSigner: EventSigner | undefined;
let demographics: DemographicsPublisher | undefined;

export const membershipSpec: ServiceSpec<MembershipConfig> = {
  name: 'membership',
  loadConfig: (source) => loadMembershipConfig(source),
  port: (config) => config.PORT,
  module: (config, logger) => {
    const privateJwk = JSON.parse(config.AUTH_SIGNING_KEY) as JWK;
    const { d: _private, ...publicJwk } = privateJwk;
    if (!issuer || !eventSigner || !demographics) throw new Error('issuer not ready');
    if (!demographics.publishing) {
      logger.warn(
        'DEMOGRAPHICS_RECIPIENT_PUBLIC_KEY is not set: demographic answers are kept for their members and never published',
      );
    }
    return MembershipAppModule.forRoot(
      config,
      logger,
      issuer,
      { keys: [publicJwk] },
      eventSigner,
      demographics,
    );
  },
  prepare: async (config) => {
    setPasswordHashConcurrency(config.PASSWORD_HASH_CONCURRENCY);
    eventSigner = await EventSigner.fromJwk(JSON.parse(config.EVENT_SIGNING_KEY) as JWK);
    demographics = new DemographicsPublisher(
      config.DEMOGRAPHICS_RECIPIENT_PUBLIC_KEY
        ? await PayloadEncrypter.fromJwk(JSON.parse(config.DEMOGRAPHICS_RECIPIENT_PUBLIC_KEY) as JWK)
        : null,
    );
    issuer = await TokenIssuer.fromJwk(JSON.parse(config.AUTH_SIGNING_KEY) as JWK, {
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      ttlSeconds: config.AUTH_ACCESS_TOKEN_TTL_SECONDS,
      rolesClaim: config.AUTH_ROLES_CLAIM,
    });
  },
  afterStart: async (app, config, logger) => {
    if (config.PRAXIS_ADMIN_EMAIL && config.PRAXIS_ADMIN_PASSWORD) {
      await app
        .get(MembershipService)
        .ensureAdmin(
          config.PRAXIS_ADMIN_EMAIL,
          config.PRAXIS_ADMIN_PASSWORD,
          config.PRAXIS_ADMIN_INSTITUTION,
        );
      logger.info({ email: config.PRAXIS_ADMIN_EMAIL }, 'admin account present');
    }
  },
};

export async function startMembership() {
  return bootstrapService(membershipSpec);
}

if (require.main === module) {
  startMembership().catch((error: unknown) => {
    process.stderr.write(
      `membership failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
