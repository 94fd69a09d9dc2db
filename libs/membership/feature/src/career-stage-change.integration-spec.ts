import { randomBytes, randomUUID } from 'node:crypto';
import { membershipDatabase } from '@praxis/membership/data-access';
import { startSubgraphHarness, type SubgraphHarness, must } from '@praxis/platform/testing';
import { membershipFeatureForTests } from './membership-feature.test-module';
import { seedCallers } from './membership.test-support';

const CHANGE = 'id status fromStage toStage reason decidedAt';
const CONFIRM = `mutation($id: ID!) { confirmCareerStageChange(id: $id) { ${CHANGE} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectCareerStageChange(id: $id, reason: $reason) { ${CHANGE} } }`;
const RESTAGE = `mutation($stage: CareerStage!) { updateMyProfile(input: { careerStage: $stage }) {
  careerStage careerStageChanges { ${CHANGE} } } }`;

interface Change {
  id: string;
  status: string;
  fromStage: string;
  toStage: string;
  reason: string | null;
  decidedAt: string | null;
}

/**
 * Career stage decides eligibility (competitions open to some stages), mentors' stage rules and workshop coaching,
 * so like an institution it cannot be changed at will: the change counts once a lead of the member's institution
 * (or an admin) confirms it, other services hear of it only then, and the history is kept.
 */
describe('career stage changes need confirmation', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  let institutionId = '';
  let memberId = '';
  let ownLead: { memberId: string; roles: Array<{ role: 'lead'; institutionId: string }> };
  let otherLead: { memberId: string; roles: Array<{ role: 'lead'; institutionId: string }> };

  const profileEvents = async (): Promise<Array<{ careerStage: string; changedFields: string[] }>> => {
    const rows: Array<{ envelope: { payload: { careerStage: string; changedFields: string[] } } }> =
      await subgraph.dataSource.query(
        `SELECT envelope FROM outbox WHERE topic = 'membership.member.profile-updated.v1' AND message_key = $1 ORDER BY id`,
        [memberId],
      );
    return rows.map((row) => row.envelope.payload);
  };
  const codes = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.map((error) => error.extensions?.code);

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'membership_career_stage_change',
      database: membershipDatabase,
      feature: membershipFeatureForTests,
    });
    await seedCallers(subgraph.dataSource, [admin]);
    const created = await subgraph.execute<{ createInstitution: { id: string } }>(
      admin,
      'mutation($name: String!) { createInstitution(input: { name: $name, country: "GB" }) { id } }',
      { name: `Stage General ${randomUUID()}` },
    );
    institutionId = must(created.data, 'created data').createInstitution.id;
    const registered = await subgraph.execute<{ register: { member: { id: string } } }>(
      null,
      'mutation($input: RegisterInput!) { register(input: $input) { member { id } } }',
      {
        input: {
          email: 'climber@example.org',
          password: `Px-${randomBytes(9).toString('base64url')}-7q`,
          displayName: 'Climber',
          careerStage: 'MEDICAL_STUDENT',
          institutionId,
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    memberId = must(registered.data, 'registered data').register.member.id;
    ownLead = { memberId: randomUUID(), roles: [{ role: 'lead', institutionId }] };
    otherLead = { memberId: randomUUID(), roles: [{ role: 'lead', institutionId: randomUUID() }] };
    await seedCallers(subgraph.dataSource, [ownLead, otherLead]);
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  let pendingId = '';

  it('keeps a declared stage pending: the confirmed stage and events stay as they were', async () => {
    const eventsBefore = (await profileEvents()).length;
    const restaged = await subgraph.execute<{
      updateMyProfile: { careerStage: string; careerStageChanges: Change[] };
    }>({ memberId }, RESTAGE, { stage: 'CONSULTANT' });
    expect(restaged.errors).toBeUndefined();
    expect(restaged.data?.updateMyProfile.careerStage).toBe('MEDICAL_STUDENT');
    expect(restaged.data?.updateMyProfile.careerStageChanges).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        fromStage: 'MEDICAL_STUDENT',
        toStage: 'CONSULTANT',
        decidedAt: null,
      }),
    ]);
    pendingId = must(restaged.data, 'restaged data').updateMyProfile.careerStageChanges[0].id;
    expect((await profileEvents()).length).toBe(eventsBefore);
  });

  it("lists it for a lead of the member's institution only, and refuses the decision to anyone else", async () => {
    const query = `{ careerStageChangesToConfirm {
      totalCount edges { node { id toStage member { id displayName } } } } }`;
    type Listed = { careerStageChangesToConfirm: { totalCount: number; edges: Array<{ node: unknown }> } };
    const forOwnLead = await subgraph.execute<Listed>(ownLead, query);
    expect(forOwnLead.errors).toBeUndefined();
    expect(forOwnLead.data?.careerStageChangesToConfirm).toEqual({
      totalCount: 1,
      edges: [
        { node: { id: pendingId, toStage: 'CONSULTANT', member: { id: memberId, displayName: 'Climber' } } },
      ],
    });
    const forOtherLead = await subgraph.execute<Listed>(otherLead, query);
    expect(forOtherLead.data?.careerStageChangesToConfirm).toEqual({ totalCount: 0, edges: [] });
    expect(codes(await subgraph.execute({ memberId }, query))).toEqual(['FORBIDDEN']);
    const other = { memberId: randomUUID() };
    await seedCallers(subgraph.dataSource, [other]);
    for (const caller of [{ memberId }, other, otherLead])
      expect(codes(await subgraph.execute(caller, CONFIRM, { id: pendingId }))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.execute(admin, CONFIRM, { id: randomUUID() }))).toEqual(['NOT_FOUND']);
  });

  it('counts the stage once confirmed: one decision of two at once, one event naming careerStage', async () => {
    const eventsBefore = (await profileEvents()).length;
    const outcomes = await Promise.all([
      subgraph.execute(ownLead, CONFIRM, { id: pendingId }),
      subgraph.execute(admin, CONFIRM, { id: pendingId }),
    ]);
    expect(outcomes.map((result) => codes(result)?.[0] ?? 'CONFIRMED').sort()).toEqual([
      'CONFIRMED',
      'FAILED_PRECONDITION',
    ]);
    const events = await profileEvents();
    expect(events.length).toBe(eventsBefore + 1);
    expect(events.at(-1)).toMatchObject({ careerStage: 'CONSULTANT', changedFields: ['careerStage'] });
    const me = await subgraph.execute<{ me: { careerStage: string; careerStageChanges: Change[] } }>(
      { memberId },
      `{ me { careerStage careerStageChanges { ${CHANGE} } } }`,
    );
    expect(me.data?.me.careerStage).toBe('CONSULTANT');
    expect(me.data?.me.careerStageChanges).toEqual([
      expect.objectContaining({ id: pendingId, status: 'CONFIRMED', decidedAt: expect.any(String) }),
    ]);
  });

  it('keeps a rejected or replaced request in the private history and changes nothing else', async () => {
    await subgraph.execute({ memberId }, RESTAGE, { stage: 'RESIDENT' });
    const replaced = await subgraph.execute<{ updateMyProfile: { careerStageChanges: Change[] } }>(
      { memberId },
      RESTAGE,
      { stage: 'FOUNDATION_DOCTOR' },
    );
    const [pending, withdrawn] = must(replaced.data, 'replaced data').updateMyProfile.careerStageChanges;
    expect([pending.status, pending.toStage, withdrawn.status, withdrawn.toStage]).toEqual([
      'PENDING',
      'FOUNDATION_DOCTOR',
      'WITHDRAWN',
      'RESIDENT',
    ]);
    const eventsBefore = (await profileEvents()).length;
    const rejected = await subgraph.execute<{ rejectCareerStageChange: Change }>(ownLead, REJECT, {
      id: pending.id,
      reason: 'still a consultant on our rota',
    });
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data?.rejectCareerStageChange).toMatchObject({
      status: 'REJECTED',
      reason: 'still a consultant on our rota',
    });
    expect((await profileEvents()).length).toBe(eventsBefore);
    const other = { memberId: randomUUID() };
    await seedCallers(subgraph.dataSource, [other]);
    const seen = await subgraph.execute<{ member: { careerStage: string; careerStageChanges: null } }>(
      other,
      'query($id: ID!) { member(id: $id) { careerStage careerStageChanges { id } } }',
      { id: memberId },
    );
    expect(seen.data?.member).toEqual({ careerStage: 'CONSULTANT', careerStageChanges: null });
  });
});
