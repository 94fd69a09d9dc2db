import { randomBytes, randomUUID } from 'node:crypto';
import { membershipDatabase } from '@praxis/membership/data-access';
import { startSubgraphHarness, type SubgraphHarness, must } from '@praxis/platform/testing';
import { membershipFeatureForTests } from './membership-feature.test-module';
import { seedCallers } from './membership.test-support';

const CONFIRMATION = 'id status careerStage reason decidedAt institution { id }';
const CONFIRM = `mutation($id: ID!) { confirmRegistration(id: $id) { ${CONFIRMATION} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectRegistration(id: $id, reason: $reason) { ${CONFIRMATION} } }`;
const ME = `{ me { institutionId careerStage institutionConfirmed careerStageConfirmed
  registrationConfirmation { ${CONFIRMATION} } } }`;

interface Confirmation {
  id: string;
  status: string;
  careerStage: string;
  reason: string | null;
  decidedAt: string | null;
  institution: { id: string };
}

interface Me {
  institutionId: string;
  careerStage: string;
  institutionConfirmed: boolean;
  careerStageConfirmed: boolean;
  registrationConfirmation: Confirmation | null;
}

interface ProfilePayload {
  institutionId: string;
  institutionConfirmed?: boolean;
  careerStageConfirmed?: boolean;
  changedFields?: string[];
}

/**
 * A new member names their institution and career stage, but eligibility and conflicts of interest rest on
 * them: they are unconfirmed until a lead of that institution or an admin confirms them, and membership's member
 * events say so, so every other service can tell.
 */
describe('registration confirmation', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  let institutionId = '';
  let elsewhereId = '';
  let ownLead: { memberId: string; roles: Array<{ role: 'lead'; institutionId: string }> };
  let otherLead: { memberId: string; roles: Array<{ role: 'lead'; institutionId: string }> };

  const events = async (topic: string, memberId: string): Promise<ProfilePayload[]> => {
    const rows: Array<{ envelope: { payload: ProfilePayload } }> = await subgraph.dataSource.query(
      `SELECT envelope FROM outbox WHERE topic = $1 AND message_key = $2 ORDER BY id`,
      [topic, memberId],
    );
    return rows.map((row) => row.envelope.payload);
  };
  const profileEvents = (memberId: string) => events('membership.member.profile-updated.v1', memberId);
  const codes = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.map((error) => error.extensions?.code);
  const register = async (name: string, institution: string): Promise<string> => {
    const registered = await subgraph.execute<{ register: { member: { id: string } } }>(
      null,
      'mutation($input: RegisterInput!) { register(input: $input) { member { id } } }',
      {
        input: {
          email: `${name.toLowerCase()}.${randomUUID()}@example.org`,
          password: `Px-${randomBytes(9).toString('base64url')}-7q`,
          displayName: name,
          careerStage: 'MEDICAL_STUDENT',
          institutionId: institution,
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    return must(registered.data, 'registered data').register.member.id;
  };
  /** The nodes of the first page of registrationsToConfirm that `query` asks for (no errors). */
  const listed = async (
    caller: Parameters<SubgraphHarness['execute']>[0],
    query: string,
  ): Promise<Array<{ id: string }>> => {
    const result = await subgraph.execute<{
      registrationsToConfirm: { edges: Array<{ node: { id: string } }> };
    }>(caller, query);
    expect(result.errors).toBeUndefined();
    return must(result.data, 'result data').registrationsToConfirm.edges.map((edge) => edge.node);
  };
  const me = async (memberId: string): Promise<Me> => {
    const result = await subgraph.execute<{ me: Me }>({ memberId }, ME);
    expect(result.errors).toBeUndefined();
    return must(result.data, 'result data').me;
  };

  const institution = async (name: string): Promise<string> =>
    must(
      (
        await subgraph.execute<{ createInstitution: { id: string } }>(
          admin,
          'mutation($name: String!) { createInstitution(input: { name: $name, country: "GB" }) { id } }',
          { name: `${name} ${randomUUID()}` },
        )
      ).data,
      'the created institution',
    ).createInstitution.id;

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'membership_registration_confirmation',
      database: membershipDatabase,
      feature: membershipFeatureForTests,
    });
    await seedCallers(subgraph.dataSource, [admin]);
    institutionId = await institution('Named General');
    elsewhereId = await institution('Elsewhere General');
    ownLead = { memberId: randomUUID(), roles: [{ role: 'lead', institutionId }] };
    otherLead = { memberId: randomUUID(), roles: [{ role: 'lead', institutionId: elsewhereId }] };
    await seedCallers(subgraph.dataSource, [ownLead, otherLead]);
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it("keeps a new member's institution and stage unconfirmed, tells them, and says so on the event", async () => {
    const memberId = await register('Newcomer', institutionId);
    expect(await me(memberId)).toEqual({
      institutionId,
      careerStage: 'MEDICAL_STUDENT',
      institutionConfirmed: false,
      careerStageConfirmed: false,
      registrationConfirmation: {
        id: expect.any(String),
        status: 'PENDING',
        careerStage: 'MEDICAL_STUDENT',
        reason: null,
        decidedAt: null,
        institution: { id: institutionId },
      },
    });
    expect(await events('membership.member.registered.v1', memberId)).toEqual([
      expect.objectContaining({ institutionId, institutionConfirmed: false, careerStageConfirmed: false }),
    ]);
    // what concerns only themselves goes on: their profile, for one
    const renamed = await subgraph.execute<{ updateMyProfile: { displayName: string } }>(
      { memberId },
      'mutation { updateMyProfile(input: { displayName: "Newcomer Two" }) { displayName } }',
    );
    expect(renamed.errors).toBeUndefined();
    expect((await profileEvents(memberId)).at(-1)).toMatchObject({
      institutionConfirmed: false,
      careerStageConfirmed: false,
      changedFields: ['displayName'],
    });
  });

  it('lists a new member for a lead of the institution they named only, and refuses the decision to anyone else', async () => {
    const memberId = await register('Listed', institutionId);
    const { registrationConfirmation } = await me(memberId);
    const id = must(registrationConfirmation, 'a registration to confirm').id;
    const query = `{ registrationsToConfirm(first: 100) {
      edges { node { id careerStage member { id displayName institutionConfirmed } } } } }`;
    const forOwnLead = await listed(ownLead, query);
    expect(forOwnLead).toContainEqual({
      id,
      careerStage: 'MEDICAL_STUDENT',
      member: { id: memberId, displayName: 'Listed', institutionConfirmed: false },
    });
    expect((await listed(otherLead, query)).map((row) => row.id)).not.toContain(id);
    expect((await listed(admin, query)).map((row) => row.id)).toContain(id);
    expect(codes(await subgraph.execute({ memberId }, query))).toEqual(['FORBIDDEN']);
    const stranger = await register('Stranger', institutionId);
    for (const caller of [{ memberId }, { memberId: stranger }, otherLead])
      expect(codes(await subgraph.execute(caller, CONFIRM, { id }))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.execute(admin, CONFIRM, { id: randomUUID() }))).toEqual(['NOT_FOUND']);
    expect((await me(memberId)).institutionConfirmed).toBe(false);
  });

  it('pages the registrations to confirm, oldest first, and refuses a page size or cursor it did not make', async () => {
    const pagedId = await institution('Paged General');
    const lead = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: pagedId }] };
    await seedCallers(subgraph.dataSource, [lead]);
    const registered: string[] = [];
    for (const name of ['First', 'Second', 'Third']) registered.push(await register(name, pagedId));
    const PAGE = `query($first: Int, $after: String) { registrationsToConfirm(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { member { id } } } } }`;
    type Page = {
      registrationsToConfirm: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: Array<{ node: { member: { id: string } } }>;
      };
    };
    const page = async (variables: Record<string, unknown>) => {
      const result = await subgraph.execute<Page>(lead, PAGE, variables);
      expect(result.errors).toBeUndefined();
      return must(result.data, 'a page').registrationsToConfirm;
    };
    const first = await page({ first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges.map((edge) => edge.node.member.id)).toEqual(registered.slice(0, 2));
    const rest = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.edges.map((edge) => edge.node.member.id)).toEqual(registered.slice(2));
    const fields = async (variables: Record<string, unknown>) =>
      (await subgraph.execute(lead, PAGE, variables)).errors?.map((error) => [
        error.extensions?.code,
        (error.extensions?.fields as Array<{ field: string }> | undefined)?.map((problem) => problem.field),
      ]);
    expect(await fields({ first: 101 })).toEqual([['BAD_USER_INPUT', ['first']]]);
    expect(await fields({ after: 'not-a-cursor' })).toEqual([['BAD_USER_INPUT', ['after']]]);
  });

  it('confirms once: one decision of two at once, one profile event naming both confirmations', async () => {
    const memberId = await register('Confirmed', institutionId);
    const id = must((await me(memberId)).registrationConfirmation, 'a registration to confirm').id;
    const outcomes = await Promise.all([
      subgraph.execute(ownLead, CONFIRM, { id }),
      subgraph.execute(admin, CONFIRM, { id }),
    ]);
    expect(outcomes.map((result) => codes(result)?.[0] ?? 'CONFIRMED').sort()).toEqual([
      'CONFIRMED',
      'FAILED_PRECONDITION',
    ]);
    expect(await profileEvents(memberId)).toEqual([
      expect.objectContaining({
        institutionId,
        institutionConfirmed: true,
        careerStageConfirmed: true,
        changedFields: ['institutionConfirmed', 'careerStageConfirmed'],
      }),
    ]);
    expect(await me(memberId)).toMatchObject({
      institutionConfirmed: true,
      careerStageConfirmed: true,
      registrationConfirmation: { id, status: 'CONFIRMED', decidedAt: expect.any(String) },
    });
    const stillListed = await listed(
      ownLead,
      '{ registrationsToConfirm(first: 100) { edges { node { id } } } }',
    );
    expect(stillListed.map((row) => row.id)).not.toContain(id);
  });

  it("keeps a rejection's reason for the member, who stays unconfirmed until the lead of a confirmed move confirms them", async () => {
    const memberId = await register('Rejected', institutionId);
    const id = must((await me(memberId)).registrationConfirmation, 'a registration to confirm').id;
    expect(codes(await subgraph.execute(ownLead, REJECT, { id, reason: ' ' }))).toEqual(['BAD_USER_INPUT']);
    const rejected = await subgraph.execute<{ rejectRegistration: Confirmation }>(ownLead, REJECT, {
      id,
      reason: 'not on our student register',
    });
    expect(rejected.errors).toBeUndefined();
    expect(await profileEvents(memberId)).toEqual([]);
    expect(await me(memberId)).toMatchObject({
      institutionConfirmed: false,
      careerStageConfirmed: false,
      registrationConfirmation: { status: 'REJECTED', reason: 'not on our student register' },
    });
    // the member asks to move; the lead of the institution they move to confirms the move, and so the institution
    const moved = await subgraph.execute<{ updateMyProfile: { institutionChanges: Array<{ id: string }> } }>(
      { memberId },
      'mutation($to: ID!) { updateMyProfile(input: { institutionId: $to }) { institutionChanges { id } } }',
      { to: elsewhereId },
    );
    const changeId = must(moved.data, 'moved data').updateMyProfile.institutionChanges[0].id;
    const confirmed = await subgraph.execute(
      otherLead,
      'mutation($id: ID!) { confirmInstitutionChange(id: $id) { status } }',
      { id: changeId },
    );
    expect(confirmed.errors).toBeUndefined();
    const moved2 = await me(memberId);
    expect(moved2).toMatchObject({
      institutionId: elsewhereId,
      institutionConfirmed: true,
      careerStageConfirmed: false,
      // the stage now waits for the leads of the institution they moved to
      registrationConfirmation: { status: 'PENDING', institution: { id: elsewhereId } },
    });
    expect((await profileEvents(memberId)).at(-1)).toMatchObject({
      institutionId: elsewhereId,
      institutionConfirmed: true,
      careerStageConfirmed: false,
      changedFields: ['institutionId'],
    });
    const again = await subgraph.execute(otherLead, CONFIRM, {
      id: must(moved2.registrationConfirmation, 'a registration to confirm').id,
    });
    expect(again.errors).toBeUndefined();
    expect(await me(memberId)).toMatchObject({ institutionConfirmed: true, careerStageConfirmed: true });
  });

  it('hides the confirmation from other members, who see only whether the profile is confirmed', async () => {
    const memberId = await register('Private', institutionId);
    const other = await register('Onlooker', elsewhereId);
    const seen = await subgraph.execute<{ member: unknown }>(
      { memberId: other },
      'query($id: ID!) { member(id: $id) { institutionConfirmed registrationConfirmation { id } } }',
      { id: memberId },
    );
    expect(seen.data?.member).toEqual({ institutionConfirmed: false, registrationConfirmation: null });
  });
});
