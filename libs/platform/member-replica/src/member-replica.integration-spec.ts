import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import {
  createEvent,
  dlqTopicFor,
  MemberProfileUpdatedV1,
  MemberRegisteredV1,
  MemberRoleGrantedV1,
  MemberRoleRevokedV1,
  type EventContract,
  type EventOf,
  type PayloadOf,
} from '@praxis/contracts';
import { generateSigningKeys } from '@praxis/platform/auth';
import { createServiceDataSource } from '@praxis/platform/database';
import {
  EventSigner,
  EventVerifier,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingRuntime,
} from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import {
  collectTopic,
  countQueries,
  createTestDatabase,
  testBrokers,
  testKafka,
  testKafkaSettings,
  uniqueName,
  waitFor,
} from '@praxis/platform/testing';
import { memberReplicaHandlers } from './member-replica.handlers';
import { MEMBER_REPLICA_ENTITIES, MemberReplicaEntity } from './member-replica.entities';
import { MEMBER_REPLICA_MIGRATIONS } from './member-replica.migration';
import { ReplicaPrincipalSource } from './replica-principal.source';
import { memberReplica } from './member-replica.query';

const logger = createLogger('member-replica-test', process.env.TEST_LOG_LEVEL ?? 'silent');

/**
 * Membership's events delivered out of order, twice, or forged, straight onto the real topics, to a replica
 * consuming them through the real consumer (real PostgreSQL, real broker).
 */
describe('shared member replica: ordering, redelivery and signed role events', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let runtime: MessagingRuntime;
  let producer: Producer;
  let signer: EventSigner;
  let forger: EventSigner;
  const groupId = uniqueName('test.member-replica');

  beforeAll(async () => {
    db = await createTestDatabase('member_replica');
    dataSource = createServiceDataSource({
      url: db.url,
      entities: [...MESSAGING_ENTITIES, ...MEMBER_REPLICA_ENTITIES],
      migrations: [...MESSAGING_MIGRATIONS, ...MEMBER_REPLICA_MIGRATIONS],
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const membershipKeys = await generateSigningKeys();
    signer = await EventSigner.fromJwk(membershipKeys.privateJwk);
    // an attacker's key pair, with membership's key id
    const attackerKeys = await generateSigningKeys();
    forger = await EventSigner.fromJwk({ ...attackerKeys.privateJwk, kid: membershipKeys.privateJwk.kid });
    runtime = new MessagingRuntime({
      service: uniqueName('replica'),
      settings: testKafkaSettings('replica'),
      dataSource,
      databaseUrl: db.url,
      logger,
      produces: [],
      consumers: [{ groupId, handlers: memberReplicaHandlers() }],
      verifier: new EventVerifier(membershipKeys.publicJwks),
    });
    runtime.start();
    await runtime.ready();
    producer = testKafka(testBrokers()).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await runtime.stop();
    await dataSource.destroy();
    await db.drop();
  });

  /** An event as membership's outbox would have written it, with the given sequence (and signature). */
  async function event<C extends EventContract>(
    contract: C,
    memberId: string,
    sequence: number,
    payload: PayloadOf<C>,
    sign: EventSigner | null = contract.confersRights ? signer : null,
  ): Promise<EventOf<C>> {
    const built = createEvent(
      contract,
      { aggregateId: memberId, actorId: null, correlationId: randomUUID(), sequence },
      payload,
    );
    if (sign) built.signature = await sign.sign(built);
    return built;
  }

  async function deliver(contract: EventContract, ...events: EventOf<EventContract>[]): Promise<void> {
    await producer.send({
      topic: contract.topic,
      messages: events.map((item) => ({ key: item.aggregateId, value: JSON.stringify(item) })),
    });
  }

  async function processed(eventId: string): Promise<void> {
    await waitFor(
      async () => {
        const rows: unknown[] = await dataSource.query(
          `SELECT 1 FROM inbox WHERE consumer_group = $1 AND event_id = $2`,
          [groupId, eventId],
        );
        return rows.length > 0;
      },
      { timeoutMs: 30000, description: `event ${eventId} handled by the replica` },
    );
  }

  function profile(memberId: string, displayName: string) {
    return {
      memberId,
      displayName,
      careerStage: 'RESIDENT' as const,
      institutionId: randomUUID(),
      specialty: null,
      interests: ['simulation'],
    };
  }

  it('"profile updated" then a late "registered": the replica keeps the new name', async () => {
    const memberId = randomUUID();
    const registered = await event(MemberRegisteredV1, memberId, 1, {
      ...profile(memberId, 'Old name'),
      registeredAt: new Date().toISOString(),
    });
    const updated = await event(MemberProfileUpdatedV1, memberId, 2, {
      ...profile(memberId, 'New name'),
      changedFields: ['displayName'],
    });
    await deliver(MemberProfileUpdatedV1, updated);
    await processed(updated.eventId);
    await deliver(MemberRegisteredV1, registered);
    await processed(registered.eventId);
    expect(await dataSource.getRepository(MemberReplicaEntity).findOneByOrFail({ memberId })).toMatchObject({
      displayName: 'New name',
    });
  });

  it('stores whether institution and stage are confirmed, in sequence order; events without the flags count as confirmed', async () => {
    const memberId = randomUUID();
    const registered = await event(MemberRegisteredV1, memberId, 1, {
      ...profile(memberId, 'Newcomer'),
      institutionConfirmed: false,
      careerStageConfirmed: false,
      registeredAt: new Date().toISOString(),
    });
    const confirmed = await event(MemberProfileUpdatedV1, memberId, 2, {
      ...registered.payload,
      institutionConfirmed: true,
      careerStageConfirmed: true,
      changedFields: ['institutionConfirmed', 'careerStageConfirmed'],
    });
    await deliver(MemberRegisteredV1, registered);
    await processed(registered.eventId);
    const replica = memberReplica(dataSource.manager);
    expect(await replica.profile(memberId)).toMatchObject({
      institutionConfirmed: false,
      careerStageConfirmed: false,
    });
    await deliver(MemberProfileUpdatedV1, confirmed);
    await processed(confirmed.eventId);
    expect(await replica.profile(memberId)).toMatchObject({
      institutionConfirmed: true,
      careerStageConfirmed: true,
    });
    // a member registered before confirmations existed: no flags on the event, confirmed as the old rule had it
    const earlier = randomUUID();
    const legacy = await event(MemberRegisteredV1, earlier, 1, {
      ...profile(earlier, 'Long-standing'),
      registeredAt: new Date().toISOString(),
    });
    await deliver(MemberRegisteredV1, legacy);
    await processed(legacy.eventId);
    expect(await replica.profile(earlier)).toMatchObject({
      institutionConfirmed: true,
      careerStageConfirmed: true,
    });
  });

  it('a run of profiles taken together leaves exactly what applying them one at a time leaves', async () => {
    // two sets of members given the same events: one set through the run's handler, the other event by event
    const handler = memberReplicaHandlers().find((candidate) => candidate.contract === MemberRegisteredV1);
    const handleBatch = handler?.handleBatch;
    if (!handler || !handleBatch) throw new Error('the replica takes registrations in runs');
    const members = Array.from({ length: 5 }, () => ({ batch: randomUUID(), single: randomUUID() }));
    // a member already applied at sequence 3, so older ones in the run are stale
    const seeded = members[0];
    // out of order, repeated sequences (a relay's retry under a new id), several per member, one run
    const plan: Array<[number, number, string]> = [
      [0, 2, 'stale'],
      [1, 2, 'b-two'],
      [1, 1, 'b-one, older'],
      [2, 1, 'c-one'],
      [0, 5, 'a-five'],
      [2, 1, 'c-one again'],
      [3, 0, 'd-unsequenced'],
      [1, 4, 'b-four'],
      [3, 0, 'd-unsequenced again'],
      [4, 7, 'e-seven'],
      [0, 4, 'a-four, older'],
    ];
    const build = (side: 'batch' | 'single', [member, sequence, name]: [number, number, string]) => {
      const memberId = members[member][side];
      return event(MemberRegisteredV1, memberId, sequence, {
        ...profile(memberId, name),
        institutionId: '00000000-0000-4000-8000-00000000000' + member,
        registeredAt: '2026-12-01T00:00:00.000Z',
      });
    };
    const context = { groupId: uniqueName('test.replica-run') };
    await dataSource.transaction(async (manager) => {
      for (const side of ['batch', 'single'] as const) {
        const seed = await event(MemberRegisteredV1, seeded[side], 3, {
          ...profile(seeded[side], 'a-three'),
          institutionId: '00000000-0000-4000-8000-000000000000',
          registeredAt: '2026-12-01T00:00:00.000Z',
        });
        await handler.handle(seed, manager, context);
      }
    });
    const batch = await Promise.all(plan.map((step) => build('batch', step)));
    const single = await Promise.all(plan.map((step) => build('single', step)));
    await dataSource.transaction((manager) => handleBatch(batch, manager, context));
    for (const item of single)
      await dataSource.transaction((manager) => handler.handle(item, manager, context));

    const state = async (side: 'batch' | 'single') =>
      Promise.all(
        members.map(async (member) => {
          const rows: Array<Record<string, unknown>> = await dataSource.query(
            `SELECT r.display_name, r.institution_id, r.interests, s.sequence
               FROM inbox_sequence s LEFT JOIN member_replica r ON r.member_id = s.aggregate_id::uuid
              WHERE s.consumer_group = $1 AND s.aggregate_id = $2 AND s.stream = 'profile'`,
            [context.groupId, member[side]],
          );
          return rows;
        }),
      );
    const afterBatch = await state('batch');
    expect(afterBatch).toEqual(await state('single'));
    expect(afterBatch.map((rows) => rows[0]?.display_name)).toEqual([
      'a-five',
      'b-four',
      'c-one',
      // unsequenced events apply while nothing sequenced has: the later one wins
      'd-unsequenced again',
      'e-seven',
    ]);
  });

  it("calls a service's institution hook in the replica's transaction, once per member moved, never for a stay or a stale event", async () => {
    const calls: Array<
      Array<{ memberId: string; previousInstitutionId: string | null; institutionId: string }>
    > = [];
    let fail = false;
    const handlers = memberReplicaHandlers({
      onInstitutionChanged: async (changes, manager) => {
        // inside the transaction: the replica already holds the new institution
        const rows: Array<{ institution_id: string }> = await manager.query(
          `SELECT institution_id FROM member_replica WHERE member_id = $1`,
          [changes[0].memberId],
        );
        expect(rows[0].institution_id).toBe(changes[0].institutionId);
        calls.push(changes.map((change) => ({ ...change })));
        if (fail) throw new Error('the service refused the move');
      },
    });
    const registration = handlers.find((candidate) => candidate.contract === MemberRegisteredV1);
    const update = handlers.find((candidate) => candidate.contract === MemberProfileUpdatedV1);
    const updateBatch = update?.handleBatch;
    if (!registration || !update || !updateBatch) throw new Error('the replica takes profiles');
    const context = { groupId: uniqueName('test.replica-hook') };
    const [memberId, other] = [randomUUID(), randomUUID()];
    const [i1, i2, i3] = [randomUUID(), randomUUID(), randomUUID()];
    const moved = (member: string, institutionId: string, sequence: number, displayName = 'Mover') =>
      event(MemberProfileUpdatedV1, member, sequence, {
        ...profile(member, displayName),
        institutionId,
        changedFields: ['institutionId'],
      });
    const apply = (run: Array<EventOf<typeof MemberProfileUpdatedV1>>) =>
      dataSource.transaction((manager) => updateBatch(run, manager, context));

    // a registration is a move from nowhere
    const register = async (member: string) => {
      const registered = await event(MemberRegisteredV1, member, 1, {
        ...profile(member, 'Mover'),
        institutionId: i1,
        registeredAt: new Date().toISOString(),
      });
      await dataSource.transaction((manager) => registration.handle(registered, manager, context));
    };
    await register(memberId);
    await register(other);
    expect(calls).toEqual([
      [{ memberId, previousInstitutionId: null, institutionId: i1 }],
      [{ memberId: other, previousInstitutionId: null, institutionId: i1 }],
    ]);
    calls.splice(1);
    // a change that keeps the institution, and a stale move, call nothing
    await apply([await moved(memberId, i1, 2, 'Renamed')]);
    await apply([await moved(memberId, i3, 1)]);
    expect(calls).toHaveLength(1);
    // a run: each member once, from before the run to after it
    await apply([await moved(memberId, i2, 3), await moved(other, i3, 2), await moved(memberId, i3, 4)]);
    expect(calls[1]).toEqual(
      [
        { memberId, previousInstitutionId: i1, institutionId: i3 },
        { memberId: other, previousInstitutionId: i1, institutionId: i3 },
      ].sort((a, b) => a.memberId.localeCompare(b.memberId)),
    );
    // the hook's failure undoes the move with it (the consumer retries the run)
    fail = true;
    await expect(apply([await moved(memberId, i2, 5)])).rejects.toThrow('the service refused the move');
    expect((await memberReplica(dataSource.manager).profile(memberId))?.institutionId).toBe(i3);
    expect(calls).toHaveLength(3);
  });

  it("calls a service's role hook in the replica's transaction, only when the roles held changed", async () => {
    const calls: Array<{ memberId: string; role: string; institutionId: string | null; held: boolean }> = [];
    let fail = false;
    const handlers = memberReplicaHandlers({
      onRoleChanged: async (change, manager) => {
        // inside the transaction: the replica already says what the event said
        const rows: unknown[] = await manager.query(
          `SELECT 1 FROM member_role_replica WHERE member_id = $1 AND role = $2`,
          [change.memberId, change.role],
        );
        expect(rows.length > 0).toBe(change.held);
        calls.push({ ...change });
        if (fail) throw new Error('the service refused the revocation');
      },
    });
    const grant = handlers.find((candidate) => candidate.contract === MemberRoleGrantedV1);
    const revoke = handlers.find((candidate) => candidate.contract === MemberRoleRevokedV1);
    if (!grant || !revoke) throw new Error('the replica takes role events');
    const context = { groupId: uniqueName('test.replica-role-hook') };
    const memberId = randomUUID();
    const judge = { memberId, role: 'judge' as const, institutionId: null };
    const apply = async (handler: typeof grant, item: EventOf<EventContract>) =>
      dataSource.transaction((manager) => handler.handle(item, manager, context));

    await apply(grant, await event(MemberRoleGrantedV1, memberId, 1, judge));
    expect(calls).toEqual([{ ...judge, held: true }]);
    // a grant of a role held, a stale revocation, a redelivery: nothing changed, nothing called
    await apply(grant, await event(MemberRoleGrantedV1, memberId, 2, judge));
    await apply(revoke, await event(MemberRoleRevokedV1, memberId, 1, judge));
    const revoked = await event(MemberRoleRevokedV1, memberId, 3, judge);
    await apply(revoke, revoked);
    await apply(revoke, revoked);
    // a newer revocation of a role no longer held
    await apply(revoke, await event(MemberRoleRevokedV1, memberId, 4, judge));
    expect(calls).toEqual([
      { ...judge, held: true },
      { ...judge, held: false },
    ]);
    // the hook's failure undoes the change with it (the consumer retries the event)
    await apply(grant, await event(MemberRoleGrantedV1, memberId, 5, judge));
    fail = true;
    await expect(apply(revoke, await event(MemberRoleRevokedV1, memberId, 6, judge))).rejects.toThrow(
      'the service refused the revocation',
    );
    const replica = memberReplica(dataSource.manager);
    expect(await replica.holds(memberId, 'judge')).toBe(true);
    expect(await replica.rolesVersion(memberId)).toBe(5);
    expect(calls).toHaveLength(4);
  });

  it('"role revoked" then a late "role granted": the role stays revoked', async () => {
    const memberId = randomUUID();
    const granted = await event(MemberRoleGrantedV1, memberId, 2, {
      memberId,
      role: 'judge',
      institutionId: null,
    });
    const revoked = await event(MemberRoleRevokedV1, memberId, 3, {
      memberId,
      role: 'judge',
      institutionId: null,
    });
    await deliver(MemberRoleRevokedV1, revoked);
    await processed(revoked.eventId);
    await deliver(MemberRoleGrantedV1, granted);
    await processed(granted.eventId);
    const replica = memberReplica(dataSource.manager);
    expect(await replica.currentRoles(memberId)).toEqual([]);
    expect(await replica.holds(memberId, 'judge')).toBe(false);
    expect(await replica.rolesVersion(memberId)).toBe(3);
  });

  it("the guard's kept view of a caller follows the role events the consumer applies", async () => {
    const principals = new ReplicaPrincipalSource(dataSource);
    await principals.onApplicationBootstrap();
    try {
      const memberId = randomUUID();
      // a token issued before any role event: the replica decides once it holds one
      const token = { memberId, roles: [{ role: 'judge' as const, institutionId: null }], issuedAt: 1 };
      const rolesNow = async () => (await principals.current(token)).roles.map((grant) => grant.role);
      expect(await rolesNow()).toEqual(['judge']);
      const granted = await event(MemberRoleGrantedV1, memberId, 2, {
        memberId,
        role: 'mentor',
        institutionId: null,
      });
      await deliver(MemberRoleGrantedV1, granted);
      await processed(granted.eventId);
      await principals.settle();
      expect(await rolesNow()).toEqual(['mentor']);
      const kept = await countQueries(dataSource, rolesNow);
      expect(kept).toEqual({ result: ['mentor'], queries: [] });
      const revoked = await event(MemberRoleRevokedV1, memberId, 3, {
        memberId,
        role: 'mentor',
        institutionId: null,
      });
      await deliver(MemberRoleRevokedV1, revoked);
      await processed(revoked.eventId);
      await principals.settle();
      expect(await rolesNow()).toEqual([]);
    } finally {
      await principals.onApplicationShutdown();
    }
  });

  it("holds current roles with the lead's institution; other role scopes do not hold each other back", async () => {
    const memberId = randomUUID();
    const [institutionA, institutionB] = [randomUUID(), randomUUID()];
    const events = [
      await event(MemberRoleGrantedV1, memberId, 1, { memberId, role: 'lead', institutionId: institutionA }),
      await event(MemberRoleGrantedV1, memberId, 2, { memberId, role: 'lead', institutionId: institutionB }),
      await event(MemberRoleGrantedV1, memberId, 3, { memberId, role: 'mentor', institutionId: null }),
    ];
    const revokeA = await event(MemberRoleRevokedV1, memberId, 4, {
      memberId,
      role: 'lead',
      institutionId: institutionA,
    });
    // the newest first: a late grant of another scope still applies
    await deliver(MemberRoleRevokedV1, revokeA);
    await processed(revokeA.eventId);
    await deliver(MemberRoleGrantedV1, ...events.reverse());
    for (const item of events) await processed(item.eventId);
    const replica = memberReplica(dataSource.manager);
    expect(await replica.currentRoles(memberId)).toEqual([
      { role: 'lead', institutionId: institutionB },
      { role: 'mentor', institutionId: null },
    ]);
    expect(await replica.holds(memberId, 'lead', institutionB)).toBe(true);
    expect(await replica.holds(memberId, 'lead', institutionA)).toBe(false);
    expect(await replica.rolesVersion(memberId)).toBe(4);
  });

  it('a redelivery is a no-op, by event id and by sequence', async () => {
    const memberId = randomUUID();
    const registered = await event(MemberRegisteredV1, memberId, 1, {
      ...profile(memberId, 'First'),
      registeredAt: new Date().toISOString(),
    });
    const updated = await event(MemberProfileUpdatedV1, memberId, 2, {
      ...profile(memberId, 'Second'),
      changedFields: ['displayName'],
    });
    await deliver(MemberRegisteredV1, registered);
    await deliver(MemberProfileUpdatedV1, updated);
    await processed(updated.eventId);
    await processed(registered.eventId);
    // the same message again, and the same sequence re-published under a new id (a relay retry)
    const republished = {
      ...registered,
      eventId: randomUUID(),
      payload: { ...registered.payload, displayName: 'Replayed' },
    };
    await deliver(MemberRegisteredV1, registered, republished);
    await processed(republished.eventId);
    expect((await memberReplica(dataSource.manager).profile(memberId))?.displayName).toBe('Second');
    const inbox: Array<{ count: string }> = await dataSource.query(
      `SELECT count(*) FROM inbox WHERE consumer_group = $1 AND event_id = $2`,
      [groupId, registered.eventId],
    );
    expect(Number(inbox[0].count)).toBe(1);
  });

  it('a forged or unsigned role grant published straight to the topic goes to the DLQ and grants nothing', async () => {
    const dlq = await collectTopic(testBrokers(), dlqTopicFor(MemberRoleGrantedV1.topic));
    try {
      await dlq.whenJoined();
      const memberId = randomUUID();
      const payload = { memberId, role: 'admin' as const, institutionId: null };
      const forged = await event(MemberRoleGrantedV1, memberId, 7, payload, forger);
      const unsigned = await event(MemberRoleGrantedV1, memberId, 8, payload, null);
      // a genuine signature lifted onto another member's grant
      const genuine = await event(MemberRoleGrantedV1, randomUUID(), 1, {
        ...payload,
        memberId: randomUUID(),
      });
      const lifted = {
        ...(await event(MemberRoleGrantedV1, memberId, 9, payload, null)),
        signature: genuine.signature,
      };
      await deliver(MemberRoleGrantedV1, forged, unsigned, lifted);
      const letters = await waitFor(
        () => {
          const ours = dlq.messages.filter((message) => message.key === memberId);
          return ours.length >= 3 ? ours : undefined;
        },
        { timeoutMs: 30000, description: 'three dead letters for the forged grants' },
      );
      expect(letters.map((letter) => letter.headers['x-dlq-reason'])).toEqual([
        'signature-invalid',
        'signature-invalid',
        'signature-invalid',
      ]);
      expect(letters[0].headers['x-dlq-error']).toMatch(/does not verify/);
      expect(letters[1].headers['x-dlq-error']).toMatch(/is not signed/);
      expect(await memberReplica(dataSource.manager).currentRoles(memberId)).toEqual([]);
    } finally {
      await dlq.stop();
    }
  });
});
