import { randomBytes, randomUUID } from 'node:crypto';
import { membershipDatabase } from '@praxis/membership/data-access';
import {
  describeAuthorisationMatrix,
  MATRIX_ROLES,
  matrixCaller,
  startSubgraphHarness,
  type MatrixRole,
  type OperationRule,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { membershipFeatureForTests } from './membership-feature.test-module';
import { seedCallers } from './membership.test-support';

const strongPassword = () => `Px-${randomBytes(9).toString('base64url')}-7q`;
const OWNER = { email: 'owner@matrix.example.org', password: strongPassword() };
const ids: Partial<Record<MatrixRole, string>> = {};
const institutions = { own: '', other: '', elsewhere: '' };
/** Pending institution changes: the owner's (confirmed by the admin) and another member's (rejected by the admin). */
const changes = { owner: '', otherMember: '' };
/** Pending career stage changes, the same way round. */
const stageChanges = { owner: '', otherMember: '' };
/** Their registrations, pending confirmation, the same way round. */
const registrations = { owner: '', otherMember: '' };
const ADMIN_OR_LEAD_OF_TARGET = {
  anonymous: 'UNAUTHENTICATED',
  // the lead's institution is not the one the member is moving to (nor, for a career stage, the member's)
  leadOfAnotherInstitution: 'FORBIDDEN',
  admin: 'allowed',
  others: 'FORBIDDEN',
} as const;

const SIGNED_IN_ONLY = { anonymous: 'UNAUTHENTICATED', others: 'allowed' } as const;
const ADMIN_ONLY = { anonymous: 'UNAUTHENTICATED', admin: 'allowed', others: 'FORBIDDEN' } as const;

/**
 * Every membership operation × every role, against a member ("owner") someone else may try to read or change.
 * A new operation fails the build until it has a row here.
 */
const RULES: Record<string, OperationRule> = {
  register: {
    document: 'mutation($input: RegisterInput!) { register(input: $input) { token } }',
    variables: () => ({
      input: {
        email: `m-${randomUUID()}@matrix.example.org`,
        password: strongPassword(),
        displayName: 'Matrix',
        careerStage: 'RESIDENT',
        institutionId: institutions.own,
      },
    }),
    expect: { others: 'allowed' },
  },
  login: {
    document: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    variables: () => ({ e: OWNER.email, p: OWNER.password }),
    expect: { others: 'allowed' },
  },
  me: { document: '{ me { id } }', expect: SIGNED_IN_ONLY },
  member: {
    document: 'query($id: ID!) { member(id: $id) { id displayName } }',
    variables: () => ({ id: ids.owner }),
    expect: SIGNED_IN_ONLY,
  },
  members: { document: '{ members(first: 5) { totalCount } }', expect: SIGNED_IN_ONLY },
  updateMyProfile: {
    document: 'mutation { updateMyProfile(input: { interests: ["matrix"] }) { id } }',
    expect: SIGNED_IN_ONLY,
  },
  grantRole: {
    document: 'mutation($id: ID!) { grantRole(memberId: $id, role: MENTOR) { id } }',
    variables: () => ({ id: ids.owner }),
    expect: ADMIN_ONLY,
  },
  revokeRole: {
    document: 'mutation($id: ID!) { revokeRole(memberId: $id, role: MENTOR) { id } }',
    variables: () => ({ id: ids.owner }),
    // runs after grantRole's row, so the admin revokes the role the admin granted
    expect: ADMIN_ONLY,
  },
  myDemographics: { document: '{ myDemographics { gender } }', expect: SIGNED_IN_ONLY },
  recordDemographics: {
    document: `mutation { recordDemographics(input: { gender: PREFER_NOT_TO_SAY, ethnicityGroup: PREFER_NOT_TO_SAY,
      disability: PREFER_NOT_TO_SAY, firstGenerationHigherEducation: PREFER_NOT_TO_SAY }) { gender } }`,
    expect: SIGNED_IN_ONLY,
  },
  eraseMyDemographics: { document: 'mutation { eraseMyDemographics }', expect: SIGNED_IN_ONLY },
  eraseMemberDemographics: {
    document: 'mutation($id: ID!) { eraseMemberDemographics(memberId: $id) }',
    variables: () => ({ id: ids.owner }),
    expect: ADMIN_ONLY,
  },
  refreshSession: {
    document: 'mutation { refreshSession(refreshToken: "not-a-refresh-token") { token } }',
    // public, but only a live refresh token opens anything
    expect: { others: 'UNAUTHENTICATED' },
  },
  logout: { document: 'mutation { logout }', expect: { others: 'allowed' } },
  logoutEverywhere: { document: 'mutation { logoutEverywhere }', expect: SIGNED_IN_ONLY },
  changePassword: {
    document:
      'mutation { changePassword(input: { currentPassword: "not the password 1", newPassword: "x" }) }',
    expect: { anonymous: 'UNAUTHENTICATED', others: 'BAD_USER_INPUT' },
  },
  requestPasswordReset: {
    document: 'mutation($e: String!) { requestPasswordReset(email: $e) }',
    variables: () => ({ e: OWNER.email }),
    expect: { others: 'allowed' },
  },
  resetPassword: {
    document:
      'mutation { resetPassword(input: { token: "not-a-reset-token-at-all-0000", newPassword: "a long passphrase 9" }) }',
    expect: { others: 'BAD_USER_INPUT' },
  },
  institutions: { document: '{ institutions(first: 1) { totalCount } }', expect: { others: 'allowed' } },
  institutionChangesToConfirm: {
    document: '{ institutionChangesToConfirm(first: 1) { totalCount } }',
    expect: {
      anonymous: 'UNAUTHENTICATED',
      leadOfAnotherInstitution: 'allowed',
      admin: 'allowed',
      others: 'FORBIDDEN',
    },
  },
  confirmInstitutionChange: {
    document: 'mutation($id: ID!) { confirmInstitutionChange(id: $id) { status } }',
    variables: () => ({ id: changes.owner }),
    expect: ADMIN_OR_LEAD_OF_TARGET,
  },
  rejectInstitutionChange: {
    document: 'mutation($id: ID!) { rejectInstitutionChange(id: $id, reason: "not our member") { status } }',
    variables: () => ({ id: changes.otherMember }),
    expect: ADMIN_OR_LEAD_OF_TARGET,
  },
  careerStageChangesToConfirm: {
    document: '{ careerStageChangesToConfirm(first: 1) { totalCount } }',
    expect: {
      anonymous: 'UNAUTHENTICATED',
      leadOfAnotherInstitution: 'allowed',
      admin: 'allowed',
      others: 'FORBIDDEN',
    },
  },
  confirmCareerStageChange: {
    document: 'mutation($id: ID!) { confirmCareerStageChange(id: $id) { status } }',
    variables: () => ({ id: stageChanges.owner }),
    expect: ADMIN_OR_LEAD_OF_TARGET,
  },
  rejectCareerStageChange: {
    document: 'mutation($id: ID!) { rejectCareerStageChange(id: $id, reason: "not on our rota") { status } }',
    variables: () => ({ id: stageChanges.otherMember }),
    expect: ADMIN_OR_LEAD_OF_TARGET,
  },
  registrationsToConfirm: {
    document: '{ registrationsToConfirm(first: 1) { totalCount } }',
    expect: {
      anonymous: 'UNAUTHENTICATED',
      leadOfAnotherInstitution: 'allowed',
      admin: 'allowed',
      others: 'FORBIDDEN',
    },
  },
  confirmRegistration: {
    document: 'mutation($id: ID!) { confirmRegistration(id: $id) { status } }',
    variables: () => ({ id: registrations.owner }),
    expect: ADMIN_OR_LEAD_OF_TARGET,
  },
  rejectRegistration: {
    document: 'mutation($id: ID!) { rejectRegistration(id: $id, reason: "not one of ours") { status } }',
    variables: () => ({ id: registrations.otherMember }),
    expect: ADMIN_OR_LEAD_OF_TARGET,
  },
  createInstitution: {
    document: 'mutation($name: String!) { createInstitution(input: { name: $name, country: "GB" }) { id } }',
    variables: () => ({ name: `Matrix ${randomUUID()}` }),
    expect: ADMIN_ONLY,
  },
};

let subgraph: SubgraphHarness;
/** Membership's callers are registered members (ids filled in by the set-up); the other institution is real. */
const caller = (role: MatrixRole) => matrixCaller(role, ids, institutions.other);

describeAuthorisationMatrix(
  {
    service: 'membership',
    caller,
    rules: RULES,
    async setUp() {
      subgraph = await startSubgraphHarness({
        name: 'membership_matrix',
        database: membershipDatabase,
        feature: membershipFeatureForTests,
      });
      const admin = { memberId: randomUUID(), roles: ['admin' as const] };
      await seedCallers(subgraph.dataSource, [admin]);
      const institution = async (name: string) =>
        (
          await subgraph.execute<{ createInstitution: { id: string } }>(
            admin,
            'mutation($name: String!) { createInstitution(input: { name: $name, country: "GB" }) { id } }',
            { name },
          )
        ).data?.createInstitution.id ?? '';
      institutions.own = await institution('Owner General');
      institutions.other = await institution('Other General');
      institutions.elsewhere = await institution('Elsewhere General');
      for (const role of MATRIX_ROLES.filter((r) => r !== 'anonymous')) {
        const registered = await subgraph.execute<{ register: { member: { id: string } } }>(
          null,
          'mutation($input: RegisterInput!) { register(input: $input) { member { id } } }',
          {
            input: {
              email: role === 'owner' ? OWNER.email : `${role.toLowerCase()}@matrix.example.org`,
              password: role === 'owner' ? OWNER.password : strongPassword(),
              displayName: role,
              careerStage: 'RESIDENT',
              institutionId: role === 'leadOfAnotherInstitution' ? institutions.other : institutions.own,
            },
          },
        );
        expect(registered.errors).toBeUndefined();
        ids[role] = registered.data?.register.member.id;
      }
      for (const role of ['owner', 'otherMember'] as const) {
        const requested = await subgraph.execute<{
          updateMyProfile: { institutionChanges: Array<{ id: string }> };
        }>(
          { memberId: ids[role] ?? '' },
          'mutation($to: ID!) { updateMyProfile(input: { institutionId: $to }) { institutionChanges { id } } }',
          { to: institutions.elsewhere },
        );
        changes[role] = requested.data?.updateMyProfile.institutionChanges[0]?.id ?? '';
        const restaged = await subgraph.execute<{
          updateMyProfile: { careerStageChanges: Array<{ id: string }> };
        }>(
          { memberId: ids[role] ?? '' },
          'mutation { updateMyProfile(input: { careerStage: CONSULTANT }) { careerStageChanges { id } } }',
        );
        stageChanges[role] = restaged.data?.updateMyProfile.careerStageChanges[0]?.id ?? '';
        const me = await subgraph.execute<{ me: { registrationConfirmation: { id: string } | null } }>(
          { memberId: ids[role] ?? '' },
          '{ me { registrationConfirmation { id } } }',
        );
        registrations[role] = me.data?.me.registrationConfirmation?.id ?? '';
      }
      // membership reads roles from its own tables: grant what each matrix caller's token claims
      const tokens = MATRIX_ROLES.map(caller);
      await seedCallers(
        subgraph.dataSource,
        tokens.filter((token) => token !== null),
      );
      return subgraph;
    },
  },
  () => {
    it("shows the owner's private fields only to the owner, an admin and a lead of the owner's institution", async () => {
      const query = 'query($id: ID!) { member(id: $id) { email } }';
      const emailAs = async (role: MatrixRole) =>
        (
          await subgraph.execute<{ member: { email: string | null } }>(caller(role), query, {
            id: ids.owner,
          })
        ).data?.member.email ?? null;
      expect(await emailAs('owner')).toBe(OWNER.email);
      expect(await emailAs('admin')).toBe(OWNER.email);
      for (const role of ['otherMember', 'judge', 'mentor', 'leadOfAnotherInstitution'] as const)
        expect(`${role} ${await emailAs(role)}`).toBe(`${role} null`);
      // the owner's confirmed institution (the matrix's admin confirmed a move): lead scope follows it
      const current = await subgraph.execute<{ member: { institutionId: string } }>(
        caller('admin'),
        'query($id: ID!) { member(id: $id) { institutionId } }',
        { id: ids.owner },
      );
      const ownLead = {
        memberId: randomUUID(),
        roles: [{ role: 'lead' as const, institutionId: current.data?.member.institutionId ?? '' }],
      };
      await seedCallers(subgraph.dataSource, [ownLead]);
      const asOwnLead = await subgraph.execute<{ member: { email: string | null } }>(ownLead, query, {
        id: ids.owner,
      });
      expect(asOwnLead.data?.member.email).toBe(OWNER.email);
    });
  },
);
