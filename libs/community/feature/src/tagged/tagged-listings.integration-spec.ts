import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  CompetitionChangedV1,
  CompetitionOpenedV1,
  createEvent,
  dlqTopicFor,
  MentorshipMastermindGroupFormedV1,
  type EventContract,
  type EventOf,
  type PayloadOf,
} from '@praxis/contracts';
import { MessagingRuntime } from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import { collectTopic, testBrokers, testKafka, uniqueName, waitFor } from '@praxis/platform/testing';
import { createProgramme, startCommunityHarness, type CommunityHarness } from '../testing';
import { taggedListingHandlers } from './tagged-listings.consumer';

const logger = createLogger('community-tagged-test', process.env.TEST_LOG_LEVEL ?? 'silent');

const CREATE_COMMUNITY = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const COMPETITIONS = `query($id: ID!, $first: Int, $after: String) {
  taggedCompetitions(communityId: $id, first: $first, after: $after) {
    totalCount edges { node { competitionId title opensAt closesAt phase tags matchedInterests } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const GROUPS = `query($id: ID!) {
  taggedMastermindGroups(communityId: $id) {
    totalCount edges { node { groupId name cadenceDays size formedAt tags matchedInterests } }
  }
}`;

interface Listed<N> {
  totalCount: number;
  edges: Array<{ node: N }>;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Competitions and mastermind groups delivered onto their real topics (twice, and one poisoned), consumed through
 * the real consumer into community's replicas (real PostgreSQL, real broker), and listed per community by interest.
 */
describe("community: competitions and mastermind groups tagged with a community's interests", () => {
  let h: CommunityHarness;
  let runtime: MessagingRuntime;
  let producer: Producer;
  const groupId = uniqueName('community.tagged-listings');

  beforeAll(async () => {
    h = await startCommunityHarness('community_tagged');
    runtime = new MessagingRuntime({
      service: uniqueName('community'),
      settings: {
        brokers: testBrokers(),
        clientId: uniqueName('community'),
        sessionTimeoutMs: 6000,
        heartbeatIntervalMs: 500,
        maxWaitMs: 100,
        replicationFactor: 1,
        consumerMaxAttempts: 3,
      },
      dataSource: h.subgraph.dataSource,
      databaseUrl: h.subgraph.databaseUrl,
      logger,
      produces: [],
      consumers: [{ groupId, handlers: taggedListingHandlers() }],
    });
    runtime.start();
    await runtime.ready();
    producer = testKafka(testBrokers()).producer();
    await producer.connect();
  }, 120000);

  afterAll(async () => {
    await producer?.disconnect();
    await runtime?.stop();
    await h?.close();
  });

  function event<C extends EventContract>(
    contract: C,
    aggregateId: string,
    payload: PayloadOf<C>,
    sequence = 1,
  ): EventOf<C> {
    return createEvent(
      contract,
      { aggregateId, actorId: null, correlationId: randomUUID(), sequence },
      payload,
    );
  }

  async function deliver(contract: EventContract, ...events: EventOf<EventContract>[]): Promise<void> {
    await producer.send({
      topic: contract.topic,
      messages: events.map((item) => ({ key: item.aggregateId, value: JSON.stringify(item) })),
    });
  }

  async function handled(...eventIds: string[]): Promise<void> {
    await waitFor(
      async () => {
        const rows: unknown[] = await h.subgraph.dataSource.query(
          `SELECT 1 FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])`,
          [groupId, eventIds],
        );
        return rows.length === eventIds.length;
      },
      { timeoutMs: 30000, description: `events ${eventIds.join(', ')} handled` },
    );
  }

  function competition(title: string, closesInDays: number, tags?: string[]) {
    const competitionId = randomUUID();
    return event(CompetitionOpenedV1, competitionId, {
      competitionId,
      title,
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + closesInDays * 86_400_000).toISOString(),
      judgingEndsAt: new Date(Date.now() + (closesInDays + 30) * 86_400_000).toISOString(),
      blind: true,
      winnersCount: 2,
      fundingAvailable: 5000,
      protectedHoursAvailable: null,
      ...(tags ? { tags } : {}),
    });
  }

  function group(name: string, tags: string[]) {
    const id = randomUUID();
    return event(MentorshipMastermindGroupFormedV1, id, {
      groupId: id,
      name,
      tags,
      cadenceDays: 28,
      size: 6,
      formedAt: new Date().toISOString(),
    });
  }

  it('lists what matches one of its interests ignoring case and spacing, once, with only public fields', async () => {
    const community = await h.ok<{ createCommunity: { id: string } }>(h.admin, CREATE_COMMUNITY, {
      input: {
        name: `Assessment ${randomUUID()}`,
        interests: ['Assessment', 'Digital  Health'],
        moderatorIds: [],
      },
    });
    const id = community.createCommunity.id;
    const later = competition('Assessment research fund', 30, ['assessment', 'surgery']);
    const sooner = competition('Digital health prize', 10, ['digital health']);
    const other = competition('Surgery call', 5, ['surgery']);
    const legacy = competition('Untagged call (before tags)', 3);
    // delivered twice: the inbox makes the second a no-op
    await deliver(CompetitionOpenedV1, later, sooner, other, legacy, later, sooner);
    const groupMatch = group('Assessment peers', ['assessment']);
    const groupOther = group('Surgeons', ['surgery']);
    await deliver(MentorshipMastermindGroupFormedV1, groupMatch, groupOther, groupMatch);
    await handled(
      later.eventId,
      sooner.eventId,
      other.eventId,
      legacy.eventId,
      groupMatch.eventId,
      groupOther.eventId,
    );

    const member = await h.member();
    const first = await h.ok<{ taggedCompetitions: Listed<Record<string, unknown>> }>(member, COMPETITIONS, {
      id,
      first: 1,
    });
    expect(first.taggedCompetitions.totalCount).toBe(2);
    expect(first.taggedCompetitions.edges.map((edge) => edge.node)).toEqual([
      {
        competitionId: sooner.payload.competitionId,
        title: 'Digital health prize',
        opensAt: sooner.payload.opensAt,
        closesAt: sooner.payload.closesAt,
        phase: 'OPEN',
        tags: ['digital health'],
        matchedInterests: ['digital health'],
      },
    ]);
    const second = await h.ok<{
      taggedCompetitions: Listed<{ competitionId: string; matchedInterests: string[] }>;
    }>(member, COMPETITIONS, { id, first: 1, after: first.taggedCompetitions.pageInfo?.endCursor });
    expect(second.taggedCompetitions.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        competitionId: later.payload.competitionId,
        matchedInterests: ['assessment'],
      }),
    ]);
    expect(second.taggedCompetitions.pageInfo?.hasNextPage).toBe(false);

    const groups = await h.ok<{ taggedMastermindGroups: Listed<Record<string, unknown>> }>(member, GROUPS, {
      id,
    });
    expect(groups.taggedMastermindGroups.edges.map((edge) => edge.node)).toEqual([
      {
        groupId: groupMatch.payload.groupId,
        name: 'Assessment peers',
        cadenceDays: 28,
        size: 6,
        formedAt: groupMatch.payload.formedAt,
        tags: ['assessment'],
        matchedInterests: ['assessment'],
      },
    ]);
    const [{ count }] = await h.subgraph.dataSource.query(
      `SELECT count(*)::int AS count FROM tagged_competition WHERE competition_id = $1`,
      [later.payload.competitionId],
    );
    expect(count).toBe(1);
  }, 60000);

  it('follows a listed competition as its dates and phase change: newest by sequence wins, cancelled ones leave', async () => {
    const community = await h.ok<{ createCommunity: { id: string } }>(h.admin, CREATE_COMMUNITY, {
      input: { name: `Changes ${randomUUID()}`, interests: ['Qualitative research'], moderatorIds: [] },
    });
    const day = 86_400_000;
    const changed = (
      opened: EventOf<typeof CompetitionOpenedV1>,
      sequence: number,
      change: PayloadOf<typeof CompetitionChangedV1>['change'],
      phase: PayloadOf<typeof CompetitionChangedV1>['phase'],
      closesAt: string,
    ) =>
      event(
        CompetitionChangedV1,
        opened.aggregateId,
        {
          competitionId: opened.payload.competitionId,
          change,
          title: `${opened.payload.title} (renamed)`,
          tags: ['qualitative research'],
          phase,
          opensAt: opened.payload.opensAt,
          closesAt,
          judgingEndsAt: new Date(Date.now() + 60 * day).toISOString(),
        },
        sequence,
      );
    // moved, then judging; an older date move arrives last and changes nothing
    const moved = competition('Interviews fund', 10, ['qualitative research']);
    const closedEarly = new Date(Date.now() - 1000).toISOString();
    const extended = new Date(Date.now() + 20 * day).toISOString();
    const judging = changed(moved, 3, 'PHASE', 'JUDGING', closedEarly);
    const staleMove = changed(moved, 2, 'DATES', 'OPEN', extended);
    // cancelled: no longer listed
    const cancelled = competition('Cancelled call', 5, ['qualitative research']);
    const cancellation = changed(cancelled, 2, 'PHASE', 'CANCELLED', cancelled.payload.closesAt);
    // the change is read before the opening (another topic): the change stands, the older opening is stale
    const early = competition('Focus group prize', 15, ['qualitative research']);
    const earlyMove = changed(early, 2, 'DATES', 'OPEN', extended);
    await deliver(CompetitionOpenedV1, moved, cancelled);
    await handled(moved.eventId, cancelled.eventId);
    await deliver(CompetitionChangedV1, judging, cancellation, earlyMove, judging);
    await handled(judging.eventId, cancellation.eventId, earlyMove.eventId);
    await deliver(CompetitionChangedV1, staleMove);
    await deliver(CompetitionOpenedV1, early);
    await handled(staleMove.eventId, early.eventId);

    const listed = await h.ok<{ taggedCompetitions: Listed<Record<string, unknown>> }>(
      await h.member(),
      COMPETITIONS,
      { id: community.createCommunity.id },
    );
    expect(listed.taggedCompetitions.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        competitionId: moved.payload.competitionId,
        title: 'Interviews fund (renamed)',
        closesAt: closedEarly,
        phase: 'JUDGING',
      }),
      expect.objectContaining({
        competitionId: early.payload.competitionId,
        title: 'Focus group prize (renamed)',
        closesAt: extended,
        phase: 'OPEN',
      }),
    ]);
    expect(listed.taggedCompetitions.totalCount).toBe(2);
  }, 60000);

  it('lists programmes sharing one of its interests by the same rule: case and spacing ignored', async () => {
    const community = await h.ok<{ createCommunity: { id: string } }>(h.admin, CREATE_COMMUNITY, {
      input: { name: `Simulation ${randomUUID()}`, interests: ['Simulation  Teaching'], moderatorIds: [] },
    });
    const matching = await createProgramme(h, { interests: ['simulation teaching'] });
    await createProgramme(h, { interests: ['simulation'] });
    const listed = await h.ok<{ programmes: { edges: Array<{ node: { id: string } }> } }>(
      await h.member(),
      `query($id: ID!) { programmes(communityId: $id) { edges { node { id } } } }`,
      { id: community.createCommunity.id },
    );
    expect(listed.programmes.edges.map((edge) => edge.node.id)).toEqual([matching.id]);
  });

  it('lists nothing for a community without interests, refuses an unknown community and anonymous callers', async () => {
    const community = await h.ok<{ createCommunity: { id: string } }>(h.admin, CREATE_COMMUNITY, {
      input: { name: `Quiet ${randomUUID()}`, interests: [], moderatorIds: [] },
    });
    const member = await h.member();
    const listed = await h.ok<{ taggedCompetitions: Listed<unknown> }>(member, COMPETITIONS, {
      id: community.createCommunity.id,
    });
    expect(listed.taggedCompetitions.totalCount).toBe(0);
    const unknown = await h.subgraph.execute(member, GROUPS, { id: randomUUID() });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await h.subgraph.execute(null, GROUPS, { id: community.createCommunity.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sends a poisoned event to the dead-letter topic with the reason and moves on', async () => {
    const dlq = await collectTopic(testBrokers(), dlqTopicFor(MentorshipMastermindGroupFormedV1.topic));
    try {
      await dlq.whenJoined();
      const poisoned = group('Poisoned', ['assessment']);
      const bad = { ...poisoned, payload: { ...poisoned.payload, size: -1 } };
      const good = group('After the poison', ['assessment']);
      await deliver(MentorshipMastermindGroupFormedV1, bad as EventOf<EventContract>, good);
      await handled(good.eventId);
      const letters = await waitFor(
        async () => {
          const ours = dlq.messages.filter((message) => message.key === poisoned.aggregateId);
          return ours.length > 0 ? ours : undefined;
        },
        { timeoutMs: 30000, description: 'the poisoned group dead-lettered' },
      );
      expect(letters[0].headers['x-dlq-error']).toMatch(/size/);
      const rows: unknown[] = await h.subgraph.dataSource.query(
        `SELECT 1 FROM tagged_mastermind_group WHERE group_id = $1`,
        [poisoned.payload.groupId],
      );
      expect(rows).toHaveLength(0);
    } finally {
      await dlq.stop();
    }
  }, 60000);
});
