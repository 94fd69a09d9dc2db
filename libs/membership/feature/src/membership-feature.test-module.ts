import type { DynamicModule } from '@nestjs/common';
import { generateSigningKeys, type TokenIssuer } from '@praxis/platform/auth';
import { EventSigner } from '@praxis/platform/messaging';
import { DemographicsPublisher } from './demographics.publisher';
import { MembershipFeatureModule } from './membership-feature.module';

/** The feature module as the in-process tests boot it: throwaway signing key, demographics not published. */
export async function membershipFeatureForTests(issuer: TokenIssuer): Promise<DynamicModule> {
  return MembershipFeatureModule.forRoot({
    issuer,
    eventSigner: await EventSigner.fromJwk((await generateSigningKeys()).privateJwk),
    demographics: new DemographicsPublisher(null),
  });
}
