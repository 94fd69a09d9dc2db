import { randomUUID } from 'node:crypto';
import { mentorshipDatabase } from '@praxis/mentorship/data-access';
import { loadConfig } from '@praxis/platform/config';
import {
  describeAuthorisationMatrix,
  executeOk,
  MATRIX_ROLES,
  matrixCallers,
  seedMatrixCallers,
  seedReplicaMember,
  startSubgraphHarness,
  type MatrixRole,
  type OperationRule,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { MentorshipFeatureModule } from './mentorship-feature.module';
import { matchWeightsEnvShape, mentorshipOptionsFromEnv } from './mentorship.options';

const callers = matrixCallers();
const { ids, caller } = callers;
const owner = () => caller('owner');
const admin = () => caller('admin');

const SIGNED_IN_ONLY = { anonymous: 'UNAUTHENTICATED', others: 'allowed' } as const;
const ADMIN_ONLY = { anonymous: 'UNAUTHENTICATED', admin: 'allowed', others: 'FORBIDDEN' } as const;
const OWNER_ONLY = { anonymous: 'UNAUTHENTICATED', owner: 'allowed', others: 'FORBIDDEN' } as const;
/** The owner's record, which an admin may read too (without its private text). */
const OWNER_OR_ADMIN = { ...OWNER_ONLY, admin: 'allowed' } as const;
/** …and to anyone else it does not exist. */
const OWNER_OR_ADMIN_HIDDEN = { ...OWNER_OR_ADMIN, others: 'NOT_FOUND' } as const;
/** The enrolled student's (otherMember's) own action in the owner's workshop. */
const ENROLLED_STUDENT = {
  anonymous: 'UNAUTHENTICATED',
  otherMember: 'allowed',
  others: 'FORBIDDEN',
} as const;

let subgraph: SubgraphHarness;
const DAY = 86_400_000;
/** Records the owner has: an active relationship, a mastermind group they facilitate, a workshop they coach. */
const records = { relationship: '', group: '', session: '', step: '', workshop: '', matchRun: '' };
const peers: string[] = [];

/** A member the matrix does not call: holds the mentor role and offers themselves, so the owner can ask them. */
async function partnerMentor(): Promise<string> {
  const memberId = randomUUID();
  await seedReplicaMember(subgraph.dataSource, memberId, { careerStage: 'CONSULTANT', roles: ['mentor'] });
  await executeOk(
    subgraph,
    { memberId, roles: ['mentor'] },
    'mutation { upsertMentorProfile(input: { capacity: 5 }) { capacity } }',
  );
  return memberId;
}

async function pendingRequest(): Promise<{ id: string; mentorId: string }> {
  const mentorId = await partnerMentor();
  const requested = await executeOk<{ requestMentor: { id: string } }>(
    subgraph,
    owner(),
    'mutation($m: ID!) { requestMentor(input: { mentorId: $m, message: "Would you mentor me?" }) { id } }',
    { m: mentorId },
  );
  return { id: requested.requestMentor.id, mentorId };
}

/** An active relationship between the owner (mentee) and a partner mentor. */
async function relationship(): Promise<string> {
  const { id, mentorId } = await pendingRequest();
  await executeOk(
    subgraph,
    { memberId: mentorId, roles: ['mentor'] },
    'mutation($id: ID!) { respondToRequest(id: $id, accept: true) { id } }',
    { id },
  );
  return id;
}

/** …whose mentor proposed terms the owner has not agreed to yet. */
async function proposedAgreement(): Promise<string> {
  const { id, mentorId } = await pendingRequest();
  const mentor = { memberId: mentorId, roles: ['mentor' as const] };
  await executeOk(subgraph, mentor, 'mutation($id: ID!) { respondToRequest(id: $id, accept: true) { id } }', {
    id,
  });
  await executeOk(
    subgraph,
    mentor,
    `mutation($id: ID!, $a: AgreementInput!) { setAgreement(relationshipId: $id, input: $a) { id } }`,
    {
      id,
      a: agreement(),
    },
  );
  return id;
}

const agreement = () => ({
  goals: ['Publish one paper'],
  meetingCadenceDays: 30,
  endsAt: new Date(Date.now() + 180 * DAY).toISOString(),
});

async function workshop(): Promise<string> {
  const created = await executeOk<{ createCoachingWorkshop: { id: string } }>(
    subgraph,
    owner(),
    'mutation($input: CreateWorkshopInput!) { createCoachingWorkshop(input: $input) { id } }',
    {
      input: {
        coachGraduationYear: new Date().getUTCFullYear() - 2,
        title: `CV clinic ${randomUUID().slice(0, 8)}`,
        startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
      },
    },
  );
  return created.createCoachingWorkshop.id;
}

/** A workshop of the owner's in which `otherMember` is enrolled. */
async function workshopWithOtherMember(): Promise<string> {
  const id = await workshop();
  await executeOk(
    subgraph,
    caller('otherMember'),
    'mutation($id: ID!) { enrolInWorkshop(id: $id) { status } }',
    {
      id,
    },
  );
  return id;
}

async function followUpRequest(): Promise<string> {
  const requested = await executeOk<{ requestFollowUp: { id: string } }>(
    subgraph,
    caller('otherMember'),
    'mutation($w: ID!) { requestFollowUp(workshopId: $w, message: "One more chat?") { id } }',
    { w: await workshopWithOtherMember() },
  );
  return requested.requestFollowUp.id;
}

const PAGE = '{ totalCount }';

/**
 * Every mentorship operation × every role, against records `owner` owns: their relationships (as mentee), the
 * mastermind group they facilitate, the workshop they coach, their requests and profiles. Operations that use a
 * record up get a fresh one per cell. A new operation fails the build until it has a row here.
 */
const RULES: Record<string, OperationRule> = {
  myMentorProfile: { document: '{ myMentorProfile { capacity } }', expect: SIGNED_IN_ONLY },
  myMenteeProfile: { document: '{ myMenteeProfile { goals } }', expect: SIGNED_IN_ONLY },
  mentorSuggestions: { document: '{ mentorSuggestions(first: 3) { score } }', expect: SIGNED_IN_ONLY },
  myRelationships: { document: `{ myRelationships(first: 5) ${PAGE} }`, expect: SIGNED_IN_ONLY },
  relationship: {
    document: 'query($id: ID!) { relationship(id: $id) { id } }',
    variables: () => ({ id: records.relationship }),
    expect: OWNER_OR_ADMIN_HIDDEN,
  },
  mentorshipOverview: { document: '{ mentorshipOverview { active } }', expect: ADMIN_ONLY },
  relationshipStats: {
    document: 'query($id: ID!) { relationshipStats(id: $id) { checkIns } }',
    variables: () => ({ id: records.relationship }),
    expect: ADMIN_ONLY,
  },
  matchRun: {
    document: 'query($id: ID!) { matchRun(id: $id) { id } }',
    variables: () => ({ id: records.matchRun }),
    expect: ADMIN_ONLY,
  },
  matchRuns: { document: `{ matchRuns(first: 5) ${PAGE} }`, expect: ADMIN_ONLY },
  supervisionProposals: { document: `{ supervisionProposals(first: 5) ${PAGE} }`, expect: ADMIN_ONLY },
  mastermindGroup: {
    document: 'query($id: ID!) { mastermindGroup(id: $id) { id } }',
    variables: () => ({ id: records.group }),
    expect: OWNER_OR_ADMIN_HIDDEN,
  },
  myMastermindGroups: { document: `{ myMastermindGroups(first: 5) ${PAGE} }`, expect: SIGNED_IN_ONLY },
  mastermindSessions: {
    document: `query($g: ID!) { mastermindSessions(groupId: $g, first: 5) ${PAGE} }`,
    variables: () => ({ g: records.group }),
    expect: OWNER_OR_ADMIN_HIDDEN,
  },
  coachingWorkshop: {
    document: 'query($id: ID!) { coachingWorkshop(id: $id) { id } }',
    variables: () => ({ id: records.workshop }),
    expect: SIGNED_IN_ONLY,
  },
  upcomingCoachingWorkshops: {
    document: `{ upcomingCoachingWorkshops(first: 5) ${PAGE} }`,
    expect: SIGNED_IN_ONLY,
  },
  actionPlan: {
    document: 'query($w: ID!, $m: ID) { actionPlan(workshopId: $w, memberId: $m) { percentDone } }',
    variables: () => ({ w: records.workshop, m: ids.otherMember }),
    // the enrolled student's plan: theirs and their coach's (the owner's), nobody else's, admins included
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', otherMember: 'allowed', others: 'FORBIDDEN' },
  },
  coachingRequests: {
    document: `query($w: ID!) { coachingRequests(workshopId: $w, first: 5) ${PAGE} }`,
    variables: () => ({ w: records.workshop }),
    // the coach (the owner) reads every request of the workshop, anyone else only their own (none here)
    expect: SIGNED_IN_ONLY,
  },
  upsertMentorProfile: {
    document: 'mutation { upsertMentorProfile(input: { capacity: 2 }) { capacity } }',
    expect: { anonymous: 'UNAUTHENTICATED', mentor: 'allowed', others: 'FORBIDDEN' },
  },
  upsertMenteeProfile: {
    document: 'mutation { upsertMenteeProfile(input: { goals: ["research"] }) { goals } }',
    expect: SIGNED_IN_ONLY,
  },
  requestMentor: {
    document: 'mutation($m: ID!) { requestMentor(input: { mentorId: $m, message: "Please" }) { id } }',
    variables: async () => ({ m: await partnerMentor() }),
    expect: SIGNED_IN_ONLY,
  },
  respondToRequest: {
    document: 'mutation($id: ID!) { respondToRequest(id: $id, accept: true) { id } }',
    // the owner's request to a mentor: only that mentor answers it
    variables: async () => ({ id: (await pendingRequest()).id }),
    expect: { anonymous: 'UNAUTHENTICATED', others: 'FORBIDDEN' },
  },
  endRelationship: {
    document: 'mutation($id: ID!) { endRelationship(id: $id, reason: "moving on") { status } }',
    variables: async () => ({ id: await relationship() }),
    expect: OWNER_ONLY,
  },
  setAgreement: {
    document: `mutation($id: ID!, $a: AgreementInput!) { setAgreement(relationshipId: $id, input: $a) { id } }`,
    variables: async () => ({ id: await relationship(), a: agreement() }),
    expect: OWNER_ONLY,
  },
  agreeToAgreement: {
    document: 'mutation($id: ID!) { agreeToAgreement(relationshipId: $id) { id } }',
    variables: async () => ({ id: await proposedAgreement() }),
    expect: OWNER_ONLY,
  },
  logCheckIn: {
    document: `mutation($id: ID!, $at: DateTime!) { logCheckIn(relationshipId: $id, input: { heldAt: $at, progress: "Drafted aims" }) { id } }`,
    variables: async () => ({ id: await relationship(), at: new Date().toISOString() }),
    expect: OWNER_ONLY,
  },
  giveFeedback: {
    document:
      'mutation($id: ID!) { giveFeedback(relationshipId: $id, input: { rating: 4 }) { offerRePairing } }',
    variables: async () => ({ id: await relationship() }),
    expect: OWNER_ONLY,
  },
  runMatching: {
    document: `mutation($input: RunMatchingInput!) { runMatching(input: $input) { id } }`,
    variables: () => ({ input: { menteeIds: [ids.owner], mentorIds: [ids.mentor] } }),
    expect: ADMIN_ONLY,
  },
  editMatchProposal: {
    document:
      'mutation($r: ID!, $m: ID!) { editMatchProposal(runId: $r, menteeId: $m, mentorId: null) { id } }',
    variables: () => ({ r: records.matchRun, m: ids.owner }),
    expect: ADMIN_ONLY,
  },
  approveMatchRun: {
    document: 'mutation($r: ID!) { approveMatchRun(runId: $r) { id } }',
    variables: async () => ({ r: await matchRun() }),
    expect: ADMIN_ONLY,
  },
  confirmSupervision: {
    document: 'mutation($id: ID!) { confirmSupervision(id: $id) { id } }',
    // no competition has been won here: the admin is let through and finds no such proposal
    variables: () => ({ id: randomUUID() }),
    expect: { ...ADMIN_ONLY, admin: 'NOT_FOUND' },
  },
  createMastermindGroup: {
    document: 'mutation($input: CreateMastermindGroupInput!) { createMastermindGroup(input: $input) { id } }',
    // a group the owner would facilitate, set up by someone else
    variables: () => ({
      input: { name: 'Peers', facilitatorId: ids.owner, memberIds: peers },
    }),
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', admin: 'allowed', others: 'FORBIDDEN' },
  },
  recordMastermindSession: {
    document: `mutation($g: ID!, $input: MastermindSessionInput!) { recordMastermindSession(groupId: $g, input: $input) { id } }`,
    variables: () => ({
      g: records.group,
      input: { heldAt: new Date().toISOString(), attendeeIds: [ids.owner, ...peers] },
    }),
    // the facilitator (the owner) or an organiser
    expect: OWNER_OR_ADMIN_HIDDEN,
  },
  rateSession: {
    document: 'mutation($s: ID!) { rateSession(sessionId: $s, rating: 5) { id } }',
    variables: () => ({ s: records.session }),
    expect: OWNER_ONLY,
  },
  reportNextStepDone: {
    document: 'mutation($s: ID!) { reportNextStepDone(stepId: $s) { id } }',
    variables: () => ({ s: records.step }),
    expect: OWNER_ONLY,
  },
  createCoachingWorkshop: {
    document: 'mutation($input: CreateWorkshopInput!) { createCoachingWorkshop(input: $input) { id } }',
    // a workshop with the owner as its coach, set up by someone else
    variables: () => ({
      input: {
        coachId: ids.owner,
        coachGraduationYear: new Date().getUTCFullYear() - 2,
        title: 'Interview practice',
        startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
      },
    }),
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', admin: 'allowed', others: 'FORBIDDEN' },
  },
  enrolInWorkshop: {
    document: 'mutation($id: ID!) { enrolInWorkshop(id: $id) { status } }',
    variables: async () => ({ id: await workshop() }),
    // open to every eligible student; the coach (the owner) is let through and refused
    expect: { ...SIGNED_IN_ONLY, owner: 'FAILED_PRECONDITION' },
  },
  withdrawFromWorkshop: {
    document: 'mutation($id: ID!) { withdrawFromWorkshop(id: $id) { status } }',
    variables: async () => ({ id: await workshopWithOtherMember() }),
    expect: ENROLLED_STUDENT,
  },
  markWorkshopHeld: {
    document: 'mutation($id: ID!) { markWorkshopHeld(id: $id) { id } }',
    variables: async () => ({ id: await workshop() }),
    // the coach or an admin, let through and refused: the workshop has not started
    expect: { ...OWNER_ONLY, owner: 'FAILED_PRECONDITION', admin: 'FAILED_PRECONDITION' },
  },
  setActionPlan: {
    document: `mutation($w: ID!, $due: DateTime!) { setActionPlan(workshopId: $w, input: {
      objectives: ["A CV"], actions: [{ text: "Send my CV", dueDate: $due }] }) { percentDone } }`,
    variables: () => ({ w: records.workshop, due: new Date(Date.now() + 14 * DAY).toISOString() }),
    expect: ENROLLED_STUDENT,
  },
  requestCvReview: {
    document: 'mutation($w: ID!) { requestCvReview(workshopId: $w, input: { text: "My CV" }) { id } }',
    variables: () => ({ w: records.workshop }),
    expect: ENROLLED_STUDENT,
  },
  requestFollowUp: {
    document: 'mutation($w: ID!) { requestFollowUp(workshopId: $w, message: "Another chat?") { id } }',
    variables: () => ({ w: records.workshop }),
    expect: ENROLLED_STUDENT,
  },
  respondToCoachingRequest: {
    document: 'mutation($id: ID!) { respondToCoachingRequest(id: $id, response: "Gladly") { id } }',
    // the enrolled student's request: only their coach (the owner) answers it
    variables: async () => ({ id: await followUpRequest() }),
    expect: OWNER_ONLY,
  },
};

async function matchRun(): Promise<string> {
  const run = await executeOk<{ runMatching: { id: string } }>(
    subgraph,
    admin(),
    `mutation($input: RunMatchingInput!) { runMatching(input: $input) { id } }`,
    { input: { menteeIds: [ids.owner], mentorIds: [ids.mentor] } },
  );
  return run.runMatching.id;
}

describeAuthorisationMatrix(
  {
    service: 'mentorship',
    caller,
    rules: RULES,
    async setUp() {
      subgraph = await startSubgraphHarness({
        name: 'mentorship_matrix',
        database: mentorshipDatabase,
        feature: () =>
          MentorshipFeatureModule.forRoot(mentorshipOptionsFromEnv(loadConfig(matchWeightsEnvShape, {}))),
      });
      await seedMatrixCallers(subgraph.dataSource, callers, {
        careerStageOf: (role) => (role === 'owner' ? 'RESIDENT' : 'MEDICAL_STUDENT'),
      });
      await executeOk(
        subgraph,
        caller('mentor'),
        'mutation { upsertMentorProfile(input: { capacity: 5 }) { capacity } }',
      );
      for (const stage of ['FOUNDATION_DOCTOR', 'CONSULTANT', 'MEDICAL_STUDENT']) {
        const peer = randomUUID();
        await seedReplicaMember(subgraph.dataSource, peer, { careerStage: stage });
        peers.push(peer);
      }
      records.relationship = await relationship();
      const group = await executeOk<{ createMastermindGroup: { id: string } }>(
        subgraph,
        owner(),
        'mutation($input: CreateMastermindGroupInput!) { createMastermindGroup(input: $input) { id } }',
        { input: { name: 'Owner peers', facilitatorId: ids.owner, memberIds: peers } },
      );
      records.group = group.createMastermindGroup.id;
      const session = await executeOk<{
        recordMastermindSession: { id: string; nextSteps: Array<{ id: string }> };
      }>(
        subgraph,
        owner(),
        `mutation($g: ID!, $input: MastermindSessionInput!) { recordMastermindSession(groupId: $g, input: $input) { id nextSteps { id } } }`,
        {
          g: records.group,
          input: {
            heldAt: new Date(Date.now() - DAY).toISOString(),
            attendeeIds: [ids.owner, ...peers],
            nextSteps: [{ memberId: ids.owner, text: 'Write the aims' }],
          },
        },
      );
      records.session = session.recordMastermindSession.id;
      records.step = session.recordMastermindSession.nextSteps[0].id;
      records.workshop = await workshopWithOtherMember();
      records.matchRun = await matchRun();
      return subgraph;
    },
  },
  () => {
    it("shows a workshop's coaching requests to its coach, and to anyone else only their own", async () => {
      const workshopId = await workshopWithOtherMember();
      await executeOk(
        subgraph,
        caller('otherMember'),
        'mutation($w: ID!) { requestFollowUp(workshopId: $w, message: "One more chat?") { id } }',
        { w: workshopId },
      );
      const seenBy = async (role: MatrixRole) =>
        (
          await executeOk<{ coachingRequests: { totalCount: number } }>(
            subgraph,
            caller(role),
            `query($w: ID!) { coachingRequests(workshopId: $w, first: 5) ${PAGE} }`,
            { w: workshopId },
          )
        ).coachingRequests.totalCount;
      const counts = Object.fromEntries(
        await Promise.all(
          MATRIX_ROLES.filter((role) => role !== 'anonymous').map(async (role) => [role, await seenBy(role)]),
        ),
      );
      expect(counts).toEqual({
        owner: 1,
        otherMember: 1,
        judge: 0,
        mentor: 0,
        leadOfAnotherInstitution: 0,
        admin: 0,
      });
    });
  },
);
