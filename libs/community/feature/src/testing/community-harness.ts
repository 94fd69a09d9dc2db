import { randomBytes, randomUUID } from 'node:crypto';
import type { CareerStage } from '@praxis/contracts';
import { communityDatabase } from '@praxis/community/data-access';
import { MemberReplicaEntity } from '@praxis/platform/member-replica';
import { startSubgraphHarness, type Caller, type SubgraphHarness } from '@praxis/platform/testing';
import { CommunityFeatureModule } from '../community-feature.module';
import type { CommunityOptions } from '../community.options';
import { AdjustableClock } from '@praxis/platform/clock';

export interface CommunityHarness {
  subgraph: SubgraphHarness;
  /** Moved by the tests to reach application, session and reflection windows. */
  clock: AdjustableClock;
  options: CommunityOptions;
  /** A member in the replica (as membership's events would have put them there), callable as themselves. */
  member(stage?: CareerStage, name?: string, institutionId?: string): Promise<Exclude<Caller, null>>;
  admin: Exclude<Caller, null>;
  /** Runs an operation and fails the test on any GraphQL error. */
  ok<T = Record<string, unknown>>(
    caller: Caller,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T>;
  close(): Promise<void>;
}

export async function startCommunityHarness(name: string): Promise<CommunityHarness> {
  const clock = new AdjustableClock();
  const options: CommunityOptions = {
    reflectionSecret: new Uint8Array(randomBytes(32)),
    reflectionSecretEphemeral: false,
    confirmationHours: 72,
    offerSweepIntervalMs: 60_000,
    certificateVerificationUrl: 'https://praxis.example.org/verify-certificate/',
    clock,
    testClock: null,
  };
  const subgraph = await startSubgraphHarness({
    name,
    database: communityDatabase,
    feature: () => CommunityFeatureModule.forRoot(options),
  });
  const institution = randomUUID();
  let count = 0;
  const member = async (
    stage: CareerStage = 'MEDICAL_STUDENT',
    displayName?: string,
    institutionId: string = institution,
  ) => {
    count += 1;
    const memberId = randomUUID();
    await subgraph.dataSource.getRepository(MemberReplicaEntity).insert({
      memberId,
      displayName: displayName ?? `Member ${count}`,
      careerStage: stage,
      institutionId,
      specialty: 'secret specialty',
      interests: ['assessment'],
    });
    return { memberId };
  };
  const adminMember = await member('ACADEMIC', 'Admin');
  return {
    subgraph,
    clock,
    options,
    member,
    admin: { memberId: adminMember.memberId, roles: ['admin'] },
    async ok<T>(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<T> {
      const result = await subgraph.execute<T>(caller, query, variables);
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors, null, 2));
      return result.data as T;
    },
    close: () => subgraph.close(),
  };
}
