import { randomBytes, randomUUID } from 'node:crypto';
import { membershipDatabase } from '@praxis/membership/data-access';
import { startSubgraphHarness, type SubgraphHarness, must } from '@praxis/platform/testing';
import { membershipFeatureForTests } from './membership-feature.test-module';
import { seedCallers } from './membership.test-support';

const CHANGE = 'id status fromInstitution { id } toInstitution { id } reason decidedAt';
const CONFIRM = `mutation($id: ID!) { confirmInstitutionChange(id: $id) { ${CHANGE} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectInstitutionChange(id: $id, reason: $reason) { ${CHANGE} } }`;
const MOVE = `mutation($to: ID!) { updateMyProfile(input: { institutionId: $to }) {
  institutionId institutionChanges { ${CHANGE} } } }`;

interface Change {
  id: string;
  status: string;
  fromInstitution: { id: string };
  toInstitution: { id: string };
  reason: string | null;
  decidedAt: string | null;
}

/**
 * A member's institution decides eligibility, conflicts of interest and which lead sees their private fields, so
 * a change counts only once a lead of the new institution (or an admin) confirms it; the history is kept, and
 * other services hear of the change (a profile event) only on confirmation.
 */
describe('institution changes need confirmation', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  const institutions = { from: '', to: '' };
  let memberId = '';
  let leadOfNew: { memberId: string; roles: Array<{ role: 'lead'; institutionId: string }> };
  let leadOfOld: { memberId: string; roles: Array<{ role: 'lead'; institutionId: string }> };

  const profileEvents = async (): Promise<Array<{ institutionId: string; changedFields: string[] }>> => {
    const rows: Array<{ envelope: { payload: { institutionId: string; changedFields: string[] } } }> =
      await subgraph.dataSource.query(
        `SELECT envelope FROM outbox WHERE topic = 'membership.member.profile-updated.v1' AND message_key = $1 ORDER BY id`,
        [memberId],
      );
    return rows.map((row) => row.envelope.payload);
  };

  const emailSeenBy = async (caller: { memberId: string }): Promise<string | null> =>
    (
      await subgraph.execute<{ member: { email: string | null } }>(
        caller,
        'query($id: ID!) { member(id: $id) { email } }',
        {
          id: memberId,
        },
      )
    ).data?.member.email ?? null;

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'membership_institution_change',
      database: membershipDatabase,
      feature: membershipFeatureForTests,
    });
    await seedCallers(subgraph.dataSource, [admin]);
    for (const key of ['from', 'to'] as const) {
      const created = await subgraph.execute<{ createInstitution: { id: string } }>(
        admin,
        'mutation($name: String!) { createInstitution(input: { name: $name, country: "GB" }) { id } }',
        { name: `Institution ${key} ${randomUUID()}` },
      );
      institutions[key] = must(created.data, 'created data').createInstitution.id;
    }
    const registered = await subgraph.execute<{ register: { member: { id: string } } }>(
      null,
      'mutation($input: RegisterInput!) { register(input: $input) { member { id } } }',
      {
        input: {
          email: 'mover@example.org',
          password: `Px-${randomBytes(9).toString('base64url')}-7q`,
          displayName: 'Mover',
          careerStage: 'RESIDENT',
          institutionId: institutions.from,
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    memberId = must(registered.data, 'registered data').register.member.id;
    leadOfNew = { memberId: randomUUID(), roles: [{ role: 'lead', institutionId: institutions.to }] };
    leadOfOld = { memberId: randomUUID(), roles: [{ role: 'lead', institutionId: institutions.from }] };
    await seedCallers(subgraph.dataSource, [leadOfNew, leadOfOld]);
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  let pendingId = '';

  it('keeps a requested change pending: the confirmed institution, lead scope and events stay as they were', async () => {
    const eventsBefore = (await profileEvents()).length;
    const moved = await subgraph.execute<{
      updateMyProfile: { institutionId: string; institutionChanges: Change[] };
    }>({ memberId }, MOVE, { to: institutions.to });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updateMyProfile.institutionId).toBe(institutions.from);
    expect(moved.data?.updateMyProfile.institutionChanges).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        fromInstitution: { id: institutions.from },
        toInstitution: { id: institutions.to },
        decidedAt: null,
      }),
    ]);
    pendingId = must(moved.data, 'moved data').updateMyProfile.institutionChanges[0].id;
    expect((await profileEvents()).length).toBe(eventsBefore);
    expect(await emailSeenBy(leadOfOld)).toBe('mover@example.org');
    expect(await emailSeenBy(leadOfNew)).toBeNull();
  });

  it('lists the pending change for the lead of the new institution, not for the lead of the old one', async () => {
    const query = `{ institutionChangesToConfirm { totalCount edges { node { id member { id displayName } } } } }`;
    type Listed = { institutionChangesToConfirm: { totalCount: number; edges: Array<{ node: unknown }> } };
    const forNew = await subgraph.execute<Listed>(leadOfNew, query);
    expect(forNew.errors).toBeUndefined();
    expect(forNew.data?.institutionChangesToConfirm).toEqual({
      totalCount: 1,
      edges: [{ node: { id: pendingId, member: { id: memberId, displayName: 'Mover' } } }],
    });
    const forOld = await subgraph.execute<Listed>(leadOfOld, query);
    expect(forOld.data?.institutionChangesToConfirm).toEqual({ totalCount: 0, edges: [] });
    const forMember = await subgraph.execute({ memberId }, query);
    expect(forMember.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses the decision to the member, another member and the lead of the old institution', async () => {
    const other = { memberId: randomUUID() };
    await seedCallers(subgraph.dataSource, [other]);
    for (const caller of [{ memberId }, other, leadOfOld]) {
      const result = await subgraph.execute(caller, CONFIRM, { id: pendingId });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const missing = await subgraph.execute(admin, CONFIRM, { id: randomUUID() });
    expect(missing.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('counts the change once the new lead confirms: one event, lead scope moves, a second decision is refused', async () => {
    const eventsBefore = (await profileEvents()).length;
    const [first, second] = await Promise.all([
      subgraph.execute<{ confirmInstitutionChange: Change }>(leadOfNew, CONFIRM, { id: pendingId }),
      subgraph.execute<{ confirmInstitutionChange: Change }>(admin, CONFIRM, { id: pendingId }),
    ]);
    const outcomes = [first, second]
      .map((r) => (r.errors ? r.errors[0].extensions?.code : 'CONFIRMED'))
      .sort();
    expect(outcomes).toEqual(['CONFIRMED', 'FAILED_PRECONDITION']);
    const events = await profileEvents();
    expect(events.length).toBe(eventsBefore + 1);
    expect(events.at(-1)).toMatchObject({ institutionId: institutions.to, changedFields: ['institutionId'] });
    const me = await subgraph.execute<{ me: { institutionId: string; institutionChanges: Change[] } }>(
      { memberId },
      `{ me { institutionId institutionChanges { ${CHANGE} } } }`,
    );
    expect(me.data?.me.institutionId).toBe(institutions.to);
    expect(me.data?.me.institutionChanges).toEqual([
      expect.objectContaining({ id: pendingId, status: 'CONFIRMED', decidedAt: expect.any(String) }),
    ]);
    expect(await emailSeenBy(leadOfNew)).toBe('mover@example.org');
    expect(await emailSeenBy(leadOfOld)).toBeNull();
  });

  it('keeps a rejected request in the history, with its reason, and changes nothing else', async () => {
    const moved = await subgraph.execute<{ updateMyProfile: { institutionChanges: Change[] } }>(
      { memberId },
      MOVE,
      {
        to: institutions.from,
      },
    );
    const request = must(
      must(moved.data, 'moved data').updateMyProfile.institutionChanges.find((c) => c.status === 'PENDING'),
      'the pending institution change',
    );
    const eventsBefore = (await profileEvents()).length;
    const blank = await subgraph.execute(admin, REJECT, { id: request.id, reason: '   ' });
    expect(blank.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'reason' })],
    });
    const rejected = await subgraph.execute<{ rejectInstitutionChange: Change }>(admin, REJECT, {
      id: request.id,
      reason: 'not on our staff list',
    });
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data?.rejectInstitutionChange).toMatchObject({
      status: 'REJECTED',
      reason: 'not on our staff list',
    });
    expect((await profileEvents()).length).toBe(eventsBefore);
    const history = await subgraph.execute<{ me: { institutionId: string; institutionChanges: Change[] } }>(
      { memberId },
      `{ me { institutionId institutionChanges { ${CHANGE} } } }`,
    );
    expect(history.data?.me.institutionId).toBe(institutions.to);
    expect(history.data?.me.institutionChanges.map((c) => c.status)).toEqual(['REJECTED', 'CONFIRMED']);
    // the history is private: another member sees none of it
    const other = { memberId: randomUUID() };
    await seedCallers(subgraph.dataSource, [other]);
    const seen = await subgraph.execute<{ member: { institutionChanges: Change[] | null } }>(
      other,
      'query($id: ID!) { member(id: $id) { institutionChanges { id } } }',
      { id: memberId },
    );
    expect(seen.data?.member.institutionChanges).toBeNull();
  });

  it('replaces a pending request by a newer one, and withdraws it when the member names their current institution', async () => {
    await subgraph.execute({ memberId }, MOVE, { to: institutions.from });
    const third = await subgraph.execute<{ createInstitution: { id: string } }>(
      admin,
      'mutation($name: String!) { createInstitution(input: { name: $name, country: "GB" }) { id } }',
      { name: `Third ${randomUUID()}` },
    );
    const replaced = await subgraph.execute<{ updateMyProfile: { institutionChanges: Change[] } }>(
      { memberId },
      MOVE,
      {
        to: must(third.data, 'third data').createInstitution.id,
      },
    );
    const statuses = must(replaced.data, 'replaced data').updateMyProfile.institutionChanges.map(
      (c) => `${c.status} ${c.toInstitution.id}`,
    );
    expect(statuses.slice(0, 2)).toEqual([
      `PENDING ${must(third.data, 'third data').createInstitution.id}`,
      `WITHDRAWN ${institutions.from}`,
    ]);
    const back = await subgraph.execute<{ updateMyProfile: { institutionChanges: Change[] } }>(
      { memberId },
      MOVE,
      {
        to: institutions.to,
      },
    );
    expect(
      must(back.data, 'back data').updateMyProfile.institutionChanges.filter((c) => c.status === 'PENDING'),
    ).toEqual([]);
  });
});
