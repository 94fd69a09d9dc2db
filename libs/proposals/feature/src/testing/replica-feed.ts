import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { createEvent, type EventContract, type EventOf, type PayloadOf } from '@praxis/contracts';
import { generateSigningKeys } from '@praxis/platform/auth';
import {
  EventSigner,
  EventVerifier,
  MessagingRuntime,
  type HandlerContext,
} from '@praxis/platform/messaging';
import type { MemberReplicaHooks } from '@praxis/platform/member-replica';
import type { Logger } from '@praxis/platform/observability';
import {
  executeOk,
  testBrokers,
  testKafka,
  testKafkaSettings,
  uniqueName,
  waitFor,
  type Caller,
  type ConnectionData,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { memberReplicaConsumer } from '@praxis/proposals/data-access';

/**
 * Membership's events fed to proposals' real member-replica consumer (the local broker), beside a subgraph.
 */
export interface ReplicaFeed {
  /** An event as membership's outbox writes it for a member: sequenced, and signed when it confers rights. */
  event<C extends EventContract>(
    contract: C,
    memberId: string,
    sequence: number,
    payload: PayloadOf<C>,
  ): Promise<EventOf<C>>;
  /** Publishes the events onto their topic and waits until the consumer has handled each (its inbox row). */
  deliver<C extends EventContract>(contract: C, ...events: Array<EventOf<C>>): Promise<void>;
  /**
   * The replica's handler of `contract` with `hooks`, for a test that applies an event in a transaction of its
   * own (side by side with another, or caught half-way), as the consumer would.
   */
  handlerOf<C extends EventContract>(
    contract: C,
    hooks: MemberReplicaHooks,
  ): (event: EventOf<C>) => Promise<void>;
  stop(): Promise<void>;
}

/**
 * Proposals' consumer as apps/proposals wires it (`memberReplicaConsumer(hooks)`), in a group of this test's
 * own, verifying role events against a membership key made for the test; `logger` is the consumer's.
 */
export async function startReplicaFeed(
  subgraph: SubgraphHarness,
  hooks: MemberReplicaHooks,
  logger: Logger,
): Promise<ReplicaFeed> {
  const groupId = uniqueName('test.proposals-replica');
  const membershipKeys = await generateSigningKeys();
  const signer = await EventSigner.fromJwk(membershipKeys.privateJwk);
  const runtime = new MessagingRuntime({
    service: uniqueName('proposals'),
    settings: testKafkaSettings('proposals'),
    dataSource: subgraph.dataSource,
    databaseUrl: subgraph.databaseUrl,
    logger,
    produces: [],
    consumers: [{ ...memberReplicaConsumer(hooks), groupId }],
    verifier: new EventVerifier(membershipKeys.publicJwks),
  });
  runtime.start();
  await runtime.ready();
  const producer: Producer = testKafka(testBrokers()).producer();
  await producer.connect();

  return {
    async event(contract, memberId, sequence, payload) {
      const built = createEvent(
        contract,
        { aggregateId: memberId, actorId: memberId, correlationId: randomUUID(), sequence },
        payload,
      );
      if (contract.confersRights) built.signature = await signer.sign(built);
      return built;
    },
    async deliver(contract, ...events) {
      await producer.send({
        topic: contract.topic,
        messages: events.map((item) => ({ key: item.aggregateId, value: JSON.stringify(item) })),
      });
      for (const item of events) {
        await waitFor(
          async () => {
            const rows: unknown[] = await subgraph.dataSource.query(
              `SELECT 1 FROM inbox WHERE consumer_group = $1 AND event_id = $2`,
              [groupId, item.eventId],
            );
            return rows.length > 0;
          },
          { timeoutMs: 30000, description: `event ${item.eventId} handled by the replica` },
        );
      }
    },
    handlerOf(contract, handlerHooks) {
      const { handlers } = memberReplicaConsumer(handlerHooks);
      const handler = handlers.find((candidate) => candidate.contract === contract);
      if (!handler) throw new Error(`the replica takes no ${contract.topic}`);
      const context: HandlerContext = { groupId: uniqueName('test.side-by-side') };
      return (event) => subgraph.dataSource.transaction((manager) => handler.handle(event, manager, context));
    },
    async stop() {
      await producer.disconnect();
      await runtime.stop();
    },
  };
}

const ASSIGNMENTS = `query($c: ID!) { competitionAssignments(competitionId: $c, first: 100) {
  edges { node { proposalId judgeId reviewStarted } }
} }`;
const AUDIT = `query($c: ID!) { judgingAuditLog(competitionId: $c, first: 100) {
  edges { node { action proposalId judgeId detail } }
} }`;
const RANKING = `query($c: ID!) { competitionRanking(competitionId: $c) {
  entries(first: 100) { edges { node { proposalId reviewCount } } }
} }`;

/** A competition's assignments as an admin sees them, `entry:judge:reviewStarted`, sorted. */
export async function assignmentsOf(
  subgraph: SubgraphHarness,
  admin: Caller,
  competitionId: string,
): Promise<string[]> {
  const page = await executeOk<{
    competitionAssignments: ConnectionData<{ proposalId: string; judgeId: string; reviewStarted: boolean }>;
  }>(subgraph, admin, ASSIGNMENTS, { c: competitionId });
  return page.competitionAssignments.edges
    .map(({ node }) => `${node.proposalId}:${node.judgeId}:${node.reviewStarted}`)
    .sort();
}

/** A competition's judging audit lines, newest first, with their detail parsed. */
export async function auditLinesOf(subgraph: SubgraphHarness, admin: Caller, competitionId: string) {
  const log = await executeOk<{
    judgingAuditLog: ConnectionData<{ action: string; proposalId: string; judgeId: string; detail: string }>;
  }>(subgraph, admin, AUDIT, { c: competitionId });
  return log.judgingAuditLog.edges.map(({ node }) => ({
    ...node,
    detail: JSON.parse(node.detail) as Record<string, unknown>,
  }));
}

/** The reviews the live ranking counts for each entry, by entry id. */
export async function reviewCountsOf(
  subgraph: SubgraphHarness,
  admin: Caller,
  competitionId: string,
): Promise<Record<string, number>> {
  const ranking = await executeOk<{
    competitionRanking: { entries: ConnectionData<{ proposalId: string; reviewCount: number }> };
  }>(subgraph, admin, RANKING, { c: competitionId });
  return Object.fromEntries(
    ranking.competitionRanking.entries.edges.map(({ node }) => [node.proposalId, node.reviewCount]),
  );
}
