import { randomUUID } from 'node:crypto';
import {
  describeAuthorisationMatrix,
  matrixCaller,
  type AccessDeclaration,
  type MatrixRole,
  type OperationRule,
} from '@praxis/platform/testing';
import { startCommunityHarness, type CommunityHarness } from './testing/community-harness';
import { apply, createProgramme } from './testing/programme-fixture';

/**
 * Who may call each community operation at all; a new operation fails the build until it is declared here.
 * Most are open to signed-in members at the role level and decide per record in the service (the rows below).
 */
const ACCESS: AccessDeclaration = {
  public: ['verifyCertificate'],
  signedIn: [
    'communities',
    'community',
    'communityMembers',
    'taggedCompetitions',
    'taggedMastermindGroups',
    'communityAnnouncements',
    'joinCommunity',
    'leaveCommunity',
    'postAnnouncement',
    'editAnnouncement',
    'createProgramme',
    'programme',
    'programmes',
    'applyToProgramme',
    'respondToPlace',
    'myApplications',
    'programmeApplications',
    'recordAttendance',
    'recordMyAttendance',
    'submitReflection',
    'setReflectionHidden',
    'programmeReflections',
    'requestCertificate',
    // the caller's own only: attendance-reflections.integration-spec shows another member sees none of them
    'myCertificates',
  ],
  adminOnly: [
    'createCommunity',
    'selectApplicants',
    'appointModerator',
    'removeModerator',
    'communityModeratorChanges',
  ],
};

const ids: Partial<Record<MatrixRole, string>> = {};
/** The owner's records: a community they moderate and belong to, a programme (an admin's) they applied to. */
const records = { community: '', announcement: '', programme: '', session: '', bystander: '' };
const ORGANISERS_ONLY = { anonymous: 'UNAUTHENTICATED', admin: 'allowed', others: 'FORBIDDEN' } as const;

/**
 * Per record: every role against the owner's community, application and programme. The owner is a member who
 * moderates a community and applied to a programme an admin organises.
 */
const RULES: Record<string, OperationRule> = {
  // only admins change who moderates the owner's community, or read its audit (the owner moderates it)
  appointModerator: {
    document: 'mutation($id: ID!, $m: ID!) { appointModerator(communityId: $id, memberId: $m) { id } }',
    variables: () => ({ id: records.community, m: records.bystander }),
    expect: ORGANISERS_ONLY,
  },
  removeModerator: {
    document: 'mutation($id: ID!, $m: ID!) { removeModerator(communityId: $id, memberId: $m) { id } }',
    variables: () => ({ id: records.community, m: records.bystander }),
    expect: ORGANISERS_ONLY,
  },
  communityModeratorChanges: {
    document: 'query($id: ID!) { communityModeratorChanges(communityId: $id) { totalCount } }',
    variables: () => ({ id: records.community }),
    expect: ORGANISERS_ONLY,
  },
  // public fields of other services' listings: every signed-in member reads them for any community
  taggedCompetitions: {
    document: 'query($id: ID!) { taggedCompetitions(communityId: $id) { totalCount } }',
    variables: () => ({ id: records.community }),
    expect: { anonymous: 'UNAUTHENTICATED', others: 'allowed' },
  },
  taggedMastermindGroups: {
    document: 'query($id: ID!) { taggedMastermindGroups(communityId: $id) { totalCount } }',
    variables: () => ({ id: records.community }),
    expect: { anonymous: 'UNAUTHENTICATED', others: 'allowed' },
  },
  communityAnnouncements: {
    document: 'query($id: ID!) { communityAnnouncements(communityId: $id) { totalCount } }',
    variables: () => ({ id: records.community }),
    // members, its moderators and admins read the feed; everyone else is told to join
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', admin: 'allowed', others: 'FORBIDDEN' },
  },
  postAnnouncement: {
    document:
      'mutation($id: ID!) { postAnnouncement(communityId: $id, input: { title: "Matrix", body: "Body" }) { id } }',
    variables: () => ({ id: records.community }),
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', admin: 'allowed', others: 'FORBIDDEN' },
  },
  editAnnouncement: {
    document:
      'mutation($id: ID!) { editAnnouncement(id: $id, input: { title: "Edited", body: "Body" }) { id } }',
    variables: () => ({ id: records.announcement }),
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', admin: 'allowed', others: 'FORBIDDEN' },
  },
  respondToPlace: {
    document: 'mutation($id: ID!) { respondToPlace(applicationId: $id, action: CANCEL) { status } }',
    // a fresh application of the owner's for each cell, so each role meets it in the same state
    variables: async () => ({
      id: (await apply(h, { memberId: ids.owner as string }, await freshProgramme())).id,
    }),
    // someone else's application does not exist for them, admins included
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', others: 'NOT_FOUND' },
  },
  programmeApplications: {
    document: 'query($id: ID!) { programmeApplications(programmeId: $id) { totalCount } }',
    variables: () => ({ id: records.programme }),
    expect: ORGANISERS_ONLY,
  },
  programmeReflections: {
    document: 'query($id: ID!) { programmeReflections(programmeId: $id) { totalCount } }',
    variables: () => ({ id: records.programme }),
    expect: ORGANISERS_ONLY,
  },
  recordAttendance: {
    document:
      'mutation($id: ID!, $who: [ID!]!) { recordAttendance(sessionId: $id, memberIds: $who) { recorded } }',
    variables: () => ({ id: records.session, who: [ids.owner] }),
    // organisers are let through and then told the session has not started
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'FAILED_PRECONDITION', others: 'FORBIDDEN' },
  },
};

let h: CommunityHarness;
async function freshProgramme(): Promise<string> {
  return (await createProgramme(h)).id;
}

const otherInstitution = randomUUID();

describeAuthorisationMatrix({
  service: 'community',
  caller: (role) => matrixCaller(role, ids, otherInstitution),
  access: ACCESS,
  rules: RULES,
  async setUp() {
    h = await startCommunityHarness('community_matrix');
    for (const role of ['owner', 'otherMember', 'judge', 'mentor', 'leadOfAnotherInstitution'] as const) {
      ids[role] = (await h.member(role === 'owner' ? 'MEDICAL_STUDENT' : 'RESIDENT')).memberId;
    }
    ids.admin = h.admin.memberId;
    const community = await h.ok<{ createCommunity: { id: string } }>(
      h.admin,
      'mutation($m: [ID!]!) { createCommunity(input: { name: "Matrix", moderatorIds: $m }) { id } }',
      { m: [ids.owner] },
    );
    records.community = community.createCommunity.id;
    records.bystander = (await h.member('CONSULTANT')).memberId;
    await h.ok({ memberId: ids.owner as string }, 'mutation($id: ID!) { joinCommunity(id: $id) { id } }', {
      id: records.community,
    });
    records.announcement = (
      await h.ok<{ postAnnouncement: { id: string } }>(
        { memberId: ids.owner as string },
        'mutation($id: ID!) { postAnnouncement(communityId: $id, input: { title: "First", body: "Body" }) { id } }',
        { id: records.community },
      )
    ).postAnnouncement.id;
    const programme = await createProgramme(h);
    records.programme = programme.id;
    records.session = programme.sessions[0].id;
    await apply(h, { memberId: ids.owner as string }, programme.id);
    return h.subgraph;
  },
});
