import { randomUUID } from 'node:crypto';
import { fundingDatabase } from '@praxis/funding/data-access';
import type { Logger } from '@praxis/platform/observability';
import { startSubgraphHarness, type Caller, type SubgraphHarness } from '@praxis/platform/testing';
import { FundingFeatureModule } from '../funding-feature.module';

/** Test fixtures for funding's in-process suites (not exported from the library). */
export type { Caller };

export const ADMIN: Caller = { memberId: randomUUID(), roles: ['admin'] };

export function leadOf(institutionId: string): Caller {
  return { memberId: randomUUID(), roles: [{ role: 'lead', institutionId }] };
}

export function startFunding(logger?: Logger): Promise<SubgraphHarness> {
  return startSubgraphHarness({
    name: 'funding',
    database: fundingDatabase,
    feature: () => FundingFeatureModule.forRoot(undefined, logger),
  });
}

/** A member funding's replica knows, at an institution. */
export async function addMember(
  subgraph: SubgraphHarness,
  institutionId: string,
  memberId: string = randomUUID(),
): Promise<string> {
  await subgraph.dataSource.query(
    `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, interests)
     VALUES ($1, 'Someone', 'RESIDENT', $2, '{}')`,
    [memberId, institutionId],
  );
  return memberId;
}

/** A fund and an OFFERED award on it, made by an admin through GraphQL; the award's id. */
export async function offerAward(
  subgraph: SubgraphHarness,
  award: {
    pi: string;
    team?: string[];
    startsOn: string;
    endsOn: string;
    amountMinor?: number;
    requestedHours?: number;
  },
): Promise<string> {
  const amountMinor = award.amountMinor ?? 1_000;
  const fund = await subgraph.execute<{ createFund: { id: string } }>(
    ADMIN,
    `mutation F($input: CreateFundInput!) { createFund(input: $input) { id } }`,
    { input: { name: 'Fund', source: 'Institution', total: { amountMinor, currency: 'GBP' } } },
  );
  const created = await subgraph.execute<{ createAward: { id: string } }>(
    ADMIN,
    `mutation C($input: CreateAwardInput!) { createAward(input: $input) { id } }`,
    {
      input: {
        title: 'Award',
        fundId: fund.data?.createFund.id,
        amount: { amountMinor, currency: 'GBP' },
        principalInvestigatorId: award.pi,
        teamMemberIds: award.team ?? [],
        startsOn: award.startsOn,
        endsOn: award.endsOn,
        requestedHours: award.requestedHours ?? null,
      },
    },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  return created.data?.createAward.id as string;
}

/** Offered, accepted by the PI and activated by an admin (one OTHER line for the whole amount). */
export async function activeAward(
  subgraph: SubgraphHarness,
  award: Parameters<typeof offerAward>[1],
): Promise<string> {
  const id = await offerAward(subgraph, award);
  for (const [caller, mutation] of [
    [{ memberId: award.pi }, `mutation A($id: ID!) { acceptAward(id: $id) { id } }`],
    [ADMIN, `mutation A($id: ID!) { activateAward(id: $id) { id } }`],
  ] as const) {
    const result = await subgraph.execute(caller, mutation, { id });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }
  return id;
}

/** Payloads of the events the outbox holds on a topic, oldest first. */
export async function outboxPayloads(
  subgraph: SubgraphHarness,
  topic: string,
): Promise<Array<Record<string, unknown>>> {
  const rows: Array<{ payload: Record<string, unknown> }> = await subgraph.dataSource.query(
    `SELECT envelope->'payload' AS payload FROM outbox WHERE topic = $1 ORDER BY id`,
    [topic],
  );
  return rows.map((row) => row.payload);
}

export function errorCode(result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) {
  return result.errors?.[0]?.extensions?.code;
}
