import { randomUUID } from 'node:crypto';
import {
  CompetitionResultsPublishedV1,
  createEvent,
  MentorshipCheckInLoggedV1,
  MentorshipFeedbackGivenV1,
  MentorshipRelationshipRequestedV1,
} from '@praxis/contracts';
import { collectTopic, testBrokers, testKafka, waitFor } from '@praxis/platform/testing';
import { adminSession, gql, gqlOk, nodes, type Page } from './support/platform';

const DAY_MS = 24 * 60 * 60 * 1000;
const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token member { id } } }`;
const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const MENTOR_PROFILE = `mutation M($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { member { id } capacity activeMentees paused } }`;
const MENTEE_PROFILE = `mutation M($input: MenteeProfileInput!) { upsertMenteeProfile(input: $input) { member { id } goals } }`;
const SUGGESTIONS = `query S($first: Int) { mentorSuggestions(first: $first) { mentor { id } score remainingCapacity reasons { kind detail points } } }`;
const REQUEST = `mutation R($input: RequestMentorInput!) { requestMentor(input: $input) { id status kind requestMessage } }`;
const RESPOND = `mutation A($id: ID!, $accept: Boolean!, $message: String) { respondToRequest(id: $id, accept: $accept, message: $message) { id status startedAt health } }`;
const RELATIONSHIP = `query Q($id: ID!) { relationship(id: $id) { id status health lastCheckInAt requestMessage agreement { goals meetingCadenceDays agreed mentorAgreed menteeAgreed } } }`;

interface Person {
  id: string;
  token: string;
  email: string;
}

interface Suggestion {
  mentor: { id: string };
  score: number;
  remainingCapacity: number;
  reasons: Array<{ kind: string; detail: string; points: number }>;
}

describe('mentorship through the gateway', () => {
  // signs in again before the token expires: a suite can outlast the 5 minutes one token lives
  const adminToken = adminSession();
  let institutionA: string;
  let institutionB: string;
  let requested: Awaited<ReturnType<typeof collectTopic>>;
  let checkInsLogged: Awaited<ReturnType<typeof collectTopic>>;
  let feedbackGiven: Awaited<ReturnType<typeof collectTopic>>;
  let counter = 0;

  beforeAll(async () => {
    requested = await collectTopic(testBrokers(), MentorshipRelationshipRequestedV1.topic);
    checkInsLogged = await collectTopic(testBrokers(), MentorshipCheckInLoggedV1.topic);
    feedbackGiven = await collectTopic(testBrokers(), MentorshipFeedbackGivenV1.topic);
    const create = `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`;
    institutionA = (
      await gqlOk<{ createInstitution: { id: string } }>(
        create,
        { input: { name: 'University of Sheffield', country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
    institutionB = (
      await gqlOk<{ createInstitution: { id: string } }>(
        create,
        { input: { name: 'University of Bristol', country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
  });

  afterAll(async () => {
    await requested?.stop();
    await checkInsLogged?.stop();
    await feedbackGiven?.stop();
  });

  /** Registers through membership and waits until mentorship's replica knows the member. */
  async function person(
    name: string,
    careerStage: string,
    options: { interests?: string[]; specialty?: string | null; institution?: 'A' | 'B' } = {},
  ): Promise<Person> {
    counter += 1;
    const email = `${name.toLowerCase()}.${counter}.${Date.now()}@example.ac.uk`;
    const result = await gqlOk<{ register: { token: string; member: { id: string } } }>(REGISTER, {
      input: {
        email,
        password: 'a long enough passphrase 7',
        displayName: name,
        careerStage,
        institutionId: options.institution === 'B' ? institutionB : institutionA,
        specialty: options.specialty === undefined ? null : options.specialty,
        interests: options.interests ?? [],
      },
    });
    const member = { id: result.register.member.id, token: result.register.token, email };
    await waitFor(
      async () => {
        const probe = await gql(SUGGESTIONS, { first: 1 }, member.token);
        return !probe.errors?.length;
      },
      { timeoutMs: 20000, intervalMs: 100, description: `${name} replicated into mentorship` },
    );
    return member;
  }

  /** Mentor profiles need the mentor role: an admin grants it and the member signs in again. */
  async function makeMentor(who: Person): Promise<void> {
    await gqlOk(
      `mutation($m: ID!) { grantRole(memberId: $m, role: MENTOR) { id } }`,
      { m: who.id },
      adminToken,
    );
    who.token = (
      await gqlOk<{ login: { token: string } }>(LOGIN, {
        email: who.email,
        password: 'a long enough passphrase 7',
      })
    ).login.token;
  }

  async function mentorProfile(who: Person, input: Record<string, unknown>): Promise<void> {
    const tokenBeforeGrant = who.token;
    await makeMentor(who);
    const variables = {
      input: {
        capacity: 2,
        expertise: [],
        interests: [],
        menteeStages: [],
        formats: ['ONE_TO_ONE'],
        acceptsDirectRequests: true,
        paused: false,
        ...input,
      },
    };
    // with the token from before the grant, mentorship lets this through only once its replica holds the mentor
    // role; suggestions, requests and matching read the role there, so the tests start from that point
    await waitFor(async () => !(await gql(MENTOR_PROFILE, variables, tokenBeforeGrant)).errors?.length, {
      timeoutMs: 20000,
      intervalMs: 100,
      description: `${who.id}'s mentor role replicated into mentorship`,
    });
  }

  async function request(mentee: Person, mentor: Person, message = 'Would you mentor me?'): Promise<string> {
    const result = await gqlOk<{ requestMentor: { id: string; status: string } }>(
      REQUEST,
      { input: { mentorId: mentor.id, message } },
      mentee.token,
    );
    expect(result.requestMentor.status).toBe('REQUESTED');
    return result.requestMentor.id;
  }

  async function activeRelationship(mentee: Person, mentor: Person, message?: string): Promise<string> {
    const id = await request(mentee, mentor, message);
    await gqlOk(RESPOND, { id, accept: true, message: 'Happy to' }, mentor.token);
    return id;
  }

  async function suggestions(who: Person, first = 100): Promise<Suggestion[]> {
    return (await gqlOk<{ mentorSuggestions: Suggestion[] }>(SUGGESTIONS, { first }, who.token))
      .mentorSuggestions;
  }

  it('suggests mentors with reasons and never breaks a hard constraint', async () => {
    const mentee = await person('Mina', 'MEDICAL_STUDENT', {
      interests: ['Medical Education', 'simulation'],
      specialty: 'Paediatrics',
    });
    const good = await person('Gita', 'RESIDENT', { specialty: 'Paediatrics', institution: 'B' });
    const paused = await person('Paul', 'CONSULTANT');
    const full = await person('Fola', 'RESIDENT');
    const filler = await person('Finn', 'MEDICAL_STUDENT');
    const formalOnly = await person('Omar', 'CONSULTANT');
    const residentsOnly = await person('Rhea', 'CONSULTANT');
    const already = await person('Alba', 'CONSULTANT');
    await mentorProfile(good, { expertise: ['medical education'], interests: ['Simulation'], capacity: 3 });
    await mentorProfile(paused, { expertise: ['medical education'], paused: true });
    await mentorProfile(full, { expertise: ['medical education'], capacity: 1 });
    await mentorProfile(formalOnly, { expertise: ['medical education'], acceptsDirectRequests: false });
    await mentorProfile(residentsOnly, { expertise: ['medical education'], menteeStages: ['RESIDENT'] });
    await mentorProfile(already, { expertise: ['medical education'] });
    // the mentee is a mentor too (of residents), so "never yourself" is exercised
    await mentorProfile(mentee, { expertise: ['medical education'] });
    await activeRelationship(filler, full);
    await activeRelationship(mentee, already);
    await gqlOk(
      MENTEE_PROFILE,
      { input: { goals: ['publish a first paper'], preferredMentorStages: ['RESIDENT'] } },
      mentee.token,
    );

    const list = await suggestions(mentee);
    const ids = list.map((s) => s.mentor.id);
    expect(ids).toContain(good.id);
    for (const excluded of [mentee, paused, full, formalOnly, residentsOnly, already]) {
      expect(ids).not.toContain(excluded.id);
    }
    for (const suggestion of list) {
      expect(suggestion.remainingCapacity).toBeGreaterThan(0);
      expect(suggestion.score).toBe(suggestion.reasons.reduce((sum, r) => sum + r.points, 0));
    }
    expect(list.map((s) => s.score)).toEqual([...list.map((s) => s.score)].sort((a, b) => b - a));
    // the gateway resolves the mentor through membership, which applies its own visibility rules
    const named = await gqlOk<{
      mentorSuggestions: Array<{ mentor: { id: string; displayName: string; email: string | null } }>;
    }>(`{ mentorSuggestions(first: 100) { mentor { id displayName email } } }`, {}, mentee.token);
    const goodNamed = named.mentorSuggestions.find((s) => s.mentor.id === good.id);
    expect(goodNamed?.mentor.displayName).toEqual(expect.any(String));
    expect(goodNamed?.mentor.displayName.length).toBeGreaterThan(0);
    expect(goodNamed?.mentor.email).toBeNull();
    const best = list.find((s) => s.mentor.id === good.id) as Suggestion;
    expect(best.reasons.map((r) => r.kind)).toEqual(
      expect.arrayContaining([
        'SHARED_EXPERTISE',
        'SHARED_INTEREST',
        'SAME_SPECIALTY',
        'STAGE_GAP',
        'PREFERRED_STAGE',
        'REMAINING_CAPACITY',
      ]),
    );

    // input validation answers with field errors
    const invalid = await gql(MENTOR_PROFILE, { input: { capacity: 0 } }, good.token);
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'input.capacity' });
    const tooMany = await gql(SUGGESTIONS, { first: 1000 }, mentee.token);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets only members holding the mentor role offer themselves as mentors', async () => {
    const hopeful = await person('Hopeful', 'CONSULTANT', { interests: ['simulation'] });
    const profile = {
      capacity: 2,
      expertise: ['simulation'],
      interests: [],
      menteeStages: [],
      formats: ['ONE_TO_ONE'],
      acceptsDirectRequests: true,
      paused: false,
    };
    const refused = await gql(MENTOR_PROFILE, { input: profile }, hopeful.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/mentor role/);
    await makeMentor(hopeful);
    const accepted = await gqlOk<{ upsertMentorProfile: { member: { id: string } } }>(
      MENTOR_PROFILE,
      { input: profile },
      hopeful.token,
    );
    expect(accepted.upsertMentorProfile.member.id).toBe(hopeful.id);
  });

  it('requests, accepts and declines; the last place goes to one of two simultaneous mentees', async () => {
    const mentor = await person('Lara', 'CONSULTANT', { interests: ['surgery'] });
    const first = await person('Ada', 'FOUNDATION_DOCTOR');
    const second = await person('Ben', 'FOUNDATION_DOCTOR');
    const third = await person('Cy', 'FOUNDATION_DOCTOR');
    await mentorProfile(mentor, { capacity: 1, expertise: ['surgery'] });

    // both ask for the last place at the same moment, then the mentor accepts both at the same moment
    const [idA, idB] = await Promise.all([request(first, mentor), request(second, mentor)]);
    const answers = await Promise.all([
      gql<{ respondToRequest: { status: string } }>(RESPOND, { id: idA, accept: true }, mentor.token),
      gql<{ respondToRequest: { status: string } }>(RESPOND, { id: idB, accept: true }, mentor.token),
    ]);
    const accepted = answers.filter((answer) => answer.data?.respondToRequest?.status === 'ACTIVE');
    const refused = answers.filter((answer) => answer.errors?.length);
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors?.[0].extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'MENTOR_AT_CAPACITY',
    });
    const profile = await gqlOk<{ myMentorProfile: { activeMentees: number; capacity: number } }>(
      `{ myMentorProfile { activeMentees capacity } }`,
      {},
      mentor.token,
    );
    expect(profile.myMentorProfile).toEqual({ activeMentees: 1, capacity: 1 });

    // full: a new request is refused outright, and the mentor leaves everyone's suggestions
    const blocked = await gql(REQUEST, { input: { mentorId: mentor.id, message: 'me too?' } }, third.token);
    expect(blocked.errors?.[0].extensions).toMatchObject({ reason: 'MENTOR_AT_CAPACITY' });
    expect((await suggestions(third)).map((s) => s.mentor.id)).not.toContain(mentor.id);

    // the pending one is declined
    const pendingId = accepted[0] === answers[0] ? idB : idA;
    const declined = await gqlOk<{ respondToRequest: { status: string } }>(
      RESPOND,
      { id: pendingId, accept: false, message: 'No room this term' },
      mentor.token,
    );
    expect(declined.respondToRequest.status).toBe('DECLINED');
    // only the mentor answers
    const notMine = await gql(RESPOND, { id: pendingId, accept: true }, third.token);
    expect(notMine.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('agrees terms on both sides, logs check-ins and refuses one dated before the start', async () => {
    const mentor = await person('Maya', 'CONSULTANT');
    const mentee = await person('Noor', 'RESIDENT');
    await mentorProfile(mentor, {});
    const id = await activeRelationship(mentee, mentor);
    const endsAt = new Date(Date.now() + 120 * DAY_MS).toISOString();
    const proposed = await gqlOk<{ setAgreement: { agreement: { agreed: boolean; menteeAgreed: boolean } } }>(
      `mutation($id: ID!, $input: AgreementInput!) { setAgreement(relationshipId: $id, input: $input) { agreement { agreed menteeAgreed } } }`,
      { id, input: { goals: ['submit an abstract'], meetingCadenceDays: 7, endsAt } },
      mentee.token,
    );
    expect(proposed.setAgreement.agreement).toEqual({ agreed: false, menteeAgreed: true });
    await gqlOk(`mutation($id: ID!) { agreeToAgreement(relationshipId: $id) { id } }`, { id }, mentor.token);
    const agreed = await gqlOk<{ relationship: { agreement: { agreed: boolean }; health: string } }>(
      RELATIONSHIP,
      { id },
      mentee.token,
    );
    expect(agreed.relationship.agreement.agreed).toBe(true);
    expect(agreed.relationship.health).toBe('ON_TRACK');

    const LOG = `mutation($id: ID!, $input: CheckInInput!) { logCheckIn(relationshipId: $id, input: $input) { id heldAt wellbeing } }`;
    // a meeting dated before the relationship began is refused, so it cannot make a new relationship AT_RISK
    // (the AT_RISK rule itself, silence for more than twice the cadence, is unit-tested in the domain)
    const backdated = await gql(
      LOG,
      {
        id,
        input: {
          heldAt: new Date(Date.now() - 20 * DAY_MS).toISOString(),
          progress: 'before we met',
          nextSteps: 'none',
        },
      },
      mentee.token,
    );
    expect(backdated.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.heldAt', rule: 'notBeforeStart' })],
    });
    for (const viewer of [mentee, mentor]) {
      const seen = await gqlOk<{ relationship: { health: string } }>(RELATIONSHIP, { id }, viewer.token);
      expect(seen.relationship.health).toBe('ON_TRACK');
    }
    await gqlOk(
      LOG,
      {
        id,
        input: {
          heldAt: new Date().toISOString(),
          progress: 'PRIVATE-PROGRESS drafted the abstract',
          wellbeing: 2,
          nextSteps: 'PRIVATE-NEXT send draft',
        },
      },
      mentee.token,
    );
    const overview = await gqlOk<{ mentorshipOverview: { atRisk: number; active: number } }>(
      `{ mentorshipOverview { atRisk active } }`,
      {},
      adminToken,
    );
    expect(overview.mentorshipOverview.active).toBeGreaterThanOrEqual(1);

    await gqlOk(
      LOG,
      { id, input: { heldAt: new Date().toISOString(), progress: 'Met today', nextSteps: 'submit' } },
      mentor.token,
    );
    const recovered = await gqlOk<{ relationship: { health: string } }>(RELATIONSHIP, { id }, mentee.token);
    expect(recovered.relationship.health).toBe('ON_TRACK');

    const future = await gql(
      LOG,
      { id, input: { heldAt: new Date(Date.now() + DAY_MS).toISOString(), progress: 'x', nextSteps: '' } },
      mentee.token,
    );
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const both = await gqlOk<{ relationship: { checkIns: Page<{ wellbeing: number | null }> } }>(
      `query($id: ID!) { relationship(id: $id) { checkIns { edges { node { wellbeing progress } } } } }`,
      { id },
      mentor.token,
    );
    expect(nodes(both.relationship.checkIns)).toHaveLength(2);
  });

  it('hides feedback from the other side until both gave theirs, once per period, and offers re-pairing', async () => {
    const mentor = await person('Iris', 'CONSULTANT', { interests: ['ethics'] });
    const mentee = await person('Jon', 'MEDICAL_STUDENT', { interests: ['ethics'] });
    const other = await person('Kofi', 'RESIDENT');
    await mentorProfile(mentor, { expertise: ['ethics'] });
    await mentorProfile(other, { expertise: ['ethics'] });
    const id = await activeRelationship(mentee, mentor);
    const GIVE = `mutation($id: ID!, $input: FeedbackInput!) { giveFeedback(relationshipId: $id, input: $input) { offerRePairing feedback { side rating comment } suggestions { mentor { id } } } }`;
    const FEEDBACK = `query($id: ID!) { relationship(id: $id) { feedback { edges { node { side rating comment } } } } }`;

    const menteeGave = await gqlOk<{
      giveFeedback: { offerRePairing: boolean; suggestions: Array<{ mentor: { id: string } }> };
    }>(GIVE, { id, input: { rating: 2, comment: 'PRIVATE-FEEDBACK hard to reach' } }, mentee.token);
    expect(menteeGave.giveFeedback.offerRePairing).toBe(true);
    const offered = menteeGave.giveFeedback.suggestions.map((s) => s.mentor.id);
    expect(offered).toContain(other.id);
    expect(offered).not.toContain(mentor.id);

    const mentorSeesBefore = await gqlOk<{ relationship: { feedback: Page<unknown> } }>(
      FEEDBACK,
      { id },
      mentor.token,
    );
    expect(nodes(mentorSeesBefore.relationship.feedback)).toEqual([]);
    const menteeSeesOwn = await gqlOk<{ relationship: { feedback: Page<{ side: string }> } }>(
      FEEDBACK,
      { id },
      mentee.token,
    );
    expect(nodes(menteeSeesOwn.relationship.feedback).map((f) => f.side)).toEqual(['MENTEE']);

    await gqlOk(GIVE, { id, input: { rating: 4, comment: 'Keen and prepared' } }, mentor.token);
    const mentorSeesAfter = await gqlOk<{
      relationship: { feedback: Page<{ side: string; comment: string }> };
    }>(FEEDBACK, { id }, mentor.token);
    const seenAfter = nodes(mentorSeesAfter.relationship.feedback);
    expect(seenAfter.map((f) => f.side).sort()).toEqual(['MENTEE', 'MENTOR']);
    expect(seenAfter.find((f) => f.side === 'MENTEE')?.comment).toBe('PRIVATE-FEEDBACK hard to reach');

    const again = await gql(GIVE, { id, input: { rating: 3 } }, mentee.token);
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'FEEDBACK_ALREADY_GIVEN',
    });
    const outOfRange = await gql(GIVE, { id, input: { rating: 6 } }, mentor.token);
    expect(outOfRange.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // the mentee takes up the offer: ends the relationship and asks the suggested mentor
    const ended = await gqlOk<{ endRelationship: { status: string; endReason: string } }>(
      `mutation($id: ID!) { endRelationship(id: $id, reason: "PRIVATE-REASON not a fit") { status endReason } }`,
      { id },
      mentee.token,
    );
    expect(ended.endRelationship).toEqual({ status: 'ENDED', endReason: 'PRIVATE-REASON not a fit' });
    await request(mentee, other);
  });

  it('keeps private text from admins, third parties and events; admins get counts and ratings', async () => {
    const mentor = await person('Tess', 'CONSULTANT');
    const mentee = await person('Uma', 'FOUNDATION_DOCTOR');
    const stranger = await person('Vic', 'RESIDENT');
    await mentorProfile(mentor, {});
    const id = await activeRelationship(mentee, mentor, 'PRIVATE-REQUEST please help with my thesis');
    await gqlOk(
      `mutation($id: ID!, $input: CheckInInput!) { logCheckIn(relationshipId: $id, input: $input) { id } }`,
      {
        id,
        input: {
          heldAt: new Date().toISOString(),
          progress: 'PRIVATE-PROGRESS thesis chapter',
          wellbeing: 1,
          nextSteps: 'PRIVATE-NEXT rest',
        },
      },
      mentee.token,
    );
    await gqlOk(
      `mutation($id: ID!) { giveFeedback(relationshipId: $id, input: { rating: 5, comment: "PRIVATE-FEEDBACK great" }) { offerRePairing } }`,
      { id },
      mentee.token,
    );

    const asAdmin = await gqlOk<{ relationship: { requestMessage: string | null; status: string } }>(
      RELATIONSHIP,
      { id },
      adminToken,
    );
    expect(asAdmin.relationship).toMatchObject({ status: 'ACTIVE', requestMessage: null });
    for (const field of [
      'checkIns { edges { node { progress wellbeing } } }',
      'feedback { edges { node { comment } } }',
    ]) {
      const probe = await gql(`query($id: ID!) { relationship(id: $id) { ${field} } }`, { id }, adminToken);
      expect(probe.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(probe.data ?? {})).not.toContain('PRIVATE');
    }
    const third = await gql(
      `query($id: ID!) { relationship(id: $id) { id checkIns { edges { node { progress } } } } }`,
      { id },
      stranger.token,
    );
    expect(third.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(third.data ?? {})).not.toContain('PRIVATE');
    const strangerOverview = await gql(`{ mentorshipOverview { active } }`, {}, stranger.token);
    expect(strangerOverview.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const stats = await gqlOk<{ relationshipStats: { checkIns: number; ratings: number[] } }>(
      `query($id: ID!) { relationshipStats(id: $id) { checkIns ratings } }`,
      { id },
      adminToken,
    );
    expect(stats.relationshipStats).toEqual({ checkIns: 1, ratings: [5] });
    const overview = await gqlOk<{ mentorshipOverview: Record<string, unknown> }>(
      `{ mentorshipOverview { active checkIns feedbackCount averageRating ratings } }`,
      {},
      adminToken,
    );
    expect(overview.mentorshipOverview.feedbackCount).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(overview)).not.toContain('PRIVATE');

    // events carry ids, times and ratings only
    await requested.waitForCount(1);
    await waitFor(
      () => checkInsLogged.messages.some((m) => (m.json() as { aggregateId: string }).aggregateId === id),
      { description: 'check-in event' },
    );
    await waitFor(
      () => feedbackGiven.messages.some((m) => (m.json() as { aggregateId: string }).aggregateId === id),
      { description: 'feedback event' },
    );
    for (const collector of [requested, checkInsLogged, feedbackGiven]) {
      for (const message of collector.messages) expect(message.value).not.toContain('PRIVATE');
    }
    const rated = feedbackGiven.messages
      .map((m) => m.json() as { aggregateId: string; payload: { rating: number } })
      .find((event) => event.aggregateId === id);
    expect(rated?.payload.rating).toBe(5);
  });

  it('finds the optimal formal matching (hand-checked), respects capacity, and starts it on approval', async () => {
    // Every pair shares stage points (student -> resident, 12) and capacity points (empty mentor, 4): 16.
    // Terms: X-P a,b (+16) = 32; X-Q b (+8) = 24; Y-P a,c (+16) = 32; Y-Q none = 16; Z-anything = 16.
    // Best total with one place per mentor: X-Q + Y-P = 56 (X-P + Y-Q is only 48); Z is left out.
    const x = await person('Xena', 'MEDICAL_STUDENT', { interests: ['alpha topic', 'beta topic'] });
    const y = await person('Yuri', 'MEDICAL_STUDENT', { interests: ['alpha topic', 'gamma topic'] });
    const z = await person('Zoe', 'MEDICAL_STUDENT');
    const p = await person('Pia', 'RESIDENT');
    const q = await person('Quin', 'RESIDENT');
    await mentorProfile(p, { capacity: 1, expertise: ['alpha topic', 'beta topic', 'gamma topic'] });
    await mentorProfile(q, { capacity: 1, expertise: ['beta topic'], acceptsDirectRequests: false });
    const RUN = `mutation($input: RunMatchingInput!) { runMatching(input: $input) { id status totalScore proposals { mentee { id } mentor { id } score } unmatched { mentee { id } reason } } }`;
    interface Run {
      id: string;
      status: string;
      totalScore: number;
      proposals: Array<{ mentee: { id: string }; mentor: { id: string }; score: number }>;
      unmatched: Array<{ mentee: { id: string }; reason: string }>;
    }
    const forbidden = await gql(RUN, { input: { menteeIds: [x.id], mentorIds: [p.id] } }, x.token);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const run = (
      await gqlOk<{ runMatching: Run }>(
        RUN,
        { input: { menteeIds: [x.id, y.id, z.id], mentorIds: [p.id, q.id] } },
        adminToken,
      )
    ).runMatching;
    expect(run.status).toBe('PROPOSED');
    expect(run.totalScore).toBe(56);
    const pairs = Object.fromEntries(run.proposals.map((pr) => [pr.mentee.id, [pr.mentor.id, pr.score]]));
    expect(pairs).toEqual({ [x.id]: [q.id, 24], [y.id]: [p.id, 32] });
    expect(run.unmatched).toEqual([{ mentee: { id: z.id }, reason: 'ELIGIBLE_MENTORS_FULL' }]);

    // an admin's edit cannot push a mentor over capacity
    const EDIT = `mutation($run: ID!, $mentee: ID!, $mentor: ID) { editMatchProposal(runId: $run, menteeId: $mentee, mentorId: $mentor) { totalScore proposals { mentee { id } mentor { id } } unmatched { mentee { id } reason } } }`;
    const over = await gql(EDIT, { run: run.id, mentee: z.id, mentor: p.id }, adminToken);
    expect(over.errors?.[0].extensions).toMatchObject({ reason: 'MENTOR_AT_CAPACITY' });
    // ...but can swap Y out for Z
    const edited = await gqlOk<{ editMatchProposal: Run }>(
      EDIT,
      { run: run.id, mentee: y.id, mentor: null },
      adminToken,
    );
    expect(edited.editMatchProposal.unmatched.map((u) => u.reason).sort()).toEqual([
      'ELIGIBLE_MENTORS_FULL',
      'REMOVED',
    ]);
    const swapped = await gqlOk<{ editMatchProposal: Run }>(
      EDIT,
      { run: run.id, mentee: z.id, mentor: p.id },
      adminToken,
    );
    expect(swapped.editMatchProposal.proposals).toHaveLength(2);

    const approved = await gqlOk<{
      approveMatchRun: { status: string; proposals: Array<{ relationshipId: string }> };
    }>(
      `mutation($id: ID!) { approveMatchRun(runId: $id) { status proposals { relationshipId } } }`,
      { id: run.id },
      adminToken,
    );
    expect(approved.approveMatchRun.status).toBe('APPROVED');
    expect(approved.approveMatchRun.proposals.every((pr) => pr.relationshipId)).toBe(true);
    const mine = await gqlOk<{
      myRelationships: Page<{ status: string; origin: string; mentor: { id: string } }>;
    }>(`{ myRelationships { edges { node { status origin mentor { id } } } } }`, {}, x.token);
    expect(nodes(mine.myRelationships)).toEqual([
      { status: 'ACTIVE', origin: 'MATCHING', mentor: { id: q.id } },
    ]);
    const full = await gqlOk<{ myMentorProfile: { activeMentees: number } }>(
      `{ myMentorProfile { activeMentees } }`,
      {},
      p.token,
    );
    expect(full.myMentorProfile.activeMentees).toBe(1);
  });

  it('runs a mastermind group: stage mix, sessions, carried-over next steps and one rating each', async () => {
    const facilitator = await person('Hana', 'ACADEMIC');
    const members = [
      await person('Ivo', 'MEDICAL_STUDENT'),
      await person('Jade', 'FOUNDATION_DOCTOR'),
      await person('Kai', 'RESIDENT'),
      await person('Lou', 'CONSULTANT'),
    ];
    const outsider = await person('Mo', 'RESIDENT');
    const CREATE = `mutation($input: CreateMastermindGroupInput!) { createMastermindGroup(input: $input) { id size distinctStages stageMix { stage count } } }`;
    const tooSmall = await gql(
      CREATE,
      { input: { name: 'Tiny', facilitatorId: facilitator.id, memberIds: [members[0].id, members[1].id] } },
      facilitator.token,
    );
    expect(tooSmall.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const group = (
      await gqlOk<{
        createMastermindGroup: { id: string; size: number; distinctStages: number; stageMix: unknown[] };
      }>(
        CREATE,
        {
          input: {
            name: 'Research careers',
            facilitatorId: facilitator.id,
            memberIds: members.map((m) => m.id),
          },
        },
        facilitator.token,
      )
    ).createMastermindGroup;
    expect(group.size).toBe(5);
    expect(group.distinctStages).toBe(5);
    expect(group.stageMix).toEqual(expect.arrayContaining([{ stage: 'ACADEMIC', count: 1 }]));

    const RECORD = `mutation($g: ID!, $input: MastermindSessionInput!) { recordMastermindSession(groupId: $g, input: $input) { id nextSteps { id member { id } done } carriedOver { id member { id } done } } }`;
    interface SessionResult {
      recordMastermindSession: {
        id: string;
        nextSteps: Array<{ id: string; member: { id: string }; done: boolean }>;
        carriedOver: Array<{ id: string; member: { id: string }; done: boolean }>;
      };
    }
    const notFacilitator = await gql(
      RECORD,
      { g: group.id, input: { heldAt: new Date().toISOString(), attendeeIds: [members[0].id] } },
      members[0].token,
    );
    expect(notFacilitator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const first = (
      await gqlOk<SessionResult>(
        RECORD,
        {
          g: group.id,
          input: {
            heldAt: new Date(Date.now() - 28 * DAY_MS).toISOString(),
            attendeeIds: [facilitator.id, members[0].id, members[1].id],
            resources: ['Guide to writing a research question'],
            referrals: ['Library research support'],
            nextSteps: [
              { memberId: members[0].id, text: 'Draft a research question' },
              { memberId: members[1].id, text: 'Email the audit lead' },
            ],
          },
        },
        facilitator.token,
      )
    ).recordMastermindSession;
    expect(first.nextSteps).toHaveLength(2);
    const second = (
      await gqlOk<SessionResult>(
        RECORD,
        {
          g: group.id,
          input: {
            heldAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
            attendeeIds: [facilitator.id, members[0].id, members[1].id, members[2].id],
          },
        },
        facilitator.token,
      )
    ).recordMastermindSession;
    expect(second.carriedOver.map((s) => s.member.id).sort()).toEqual([members[0].id, members[1].id].sort());

    // at the session, Ivo reports his step done; only he may
    const ivoStep = first.nextSteps.find((s) => s.member.id === members[0].id)?.id as string;
    const DONE = `mutation($id: ID!) { reportNextStepDone(stepId: $id) { done } }`;
    const notOwner = await gql(DONE, { id: ivoStep }, members[1].token);
    expect(notOwner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await gqlOk<{ reportNextStepDone: { done: boolean } }>(DONE, { id: ivoStep }, members[0].token))
        .reportNextStepDone.done,
    ).toBe(true);
    const sessions = await gqlOk<{
      mastermindSessions: Page<{
        id: string;
        carriedOver: Array<{ member: { id: string }; done: boolean }>;
      }>;
    }>(
      `query($g: ID!) { mastermindSessions(groupId: $g) { edges { node { id carriedOver { member { id } done } } } } }`,
      { g: group.id },
      members[2].token,
    );
    const agenda = nodes(sessions.mastermindSessions).find((s) => s.id === second.id)?.carriedOver ?? [];
    expect(agenda.find((s) => s.member.id === members[0].id)?.done).toBe(true);
    expect(agenda.find((s) => s.member.id === members[1].id)?.done).toBe(false);
    const open = await gqlOk<{ mastermindGroup: { openNextSteps: Array<{ member: { id: string } }> } }>(
      `query($g: ID!) { mastermindGroup(id: $g) { openNextSteps { member { id } } } }`,
      { g: group.id },
      facilitator.token,
    );
    expect(open.mastermindGroup.openNextSteps.map((s) => s.member.id)).toEqual([members[1].id]);

    const RATE = `mutation($s: ID!, $r: Int!) { rateSession(sessionId: $s, rating: $r) { ratingCount averageRating myRating } }`;
    const rated = await gqlOk<{ rateSession: { ratingCount: number; myRating: number } }>(
      RATE,
      { s: second.id, r: 5 },
      members[2].token,
    );
    expect(rated.rateSession).toMatchObject({ ratingCount: 1, myRating: 5 });
    await gqlOk(RATE, { s: second.id, r: 3 }, members[0].token);
    const twice = await gql(RATE, { s: second.id, r: 4 }, members[2].token);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SESSION_ALREADY_RATED' });
    const absent = await gql(RATE, { s: second.id, r: 4 }, members[3].token);
    expect(absent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const nonMember = await gql(
      `query($g: ID!) { mastermindGroup(id: $g) { id } }`,
      { g: group.id },
      outsider.token,
    );
    expect(nonMember.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('runs a near-peer workshop: eligible coach, 5 places then a waitlist, action plans and coach requests', async () => {
    const year = new Date().getUTCFullYear();
    const coach = await person('Rex', 'RESIDENT');
    const senior = await person('Sam', 'CONSULTANT');
    const students = [];
    for (let i = 0; i < 7; i += 1) students.push(await person(`Student${i}`, 'MEDICAL_STUDENT'));
    const resident = await person('Ria', 'RESIDENT');
    const CREATE = `mutation($input: CreateWorkshopInput!) { createCoachingWorkshop(input: $input) { id capacity durationMinutes enrolledCount } }`;
    const startsAt = new Date(Date.now() + 10000).toISOString();
    const notNearPeer = await gql(
      CREATE,
      { input: { coachGraduationYear: year - 12, title: 'Careers', startsAt } },
      senior.token,
    );
    expect(notNearPeer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const graduatedLongAgo = await gql(
      CREATE,
      { input: { coachGraduationYear: year - 9, title: 'Careers', startsAt } },
      coach.token,
    );
    expect(graduatedLongAgo.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const workshop = (
      await gqlOk<{ createCoachingWorkshop: { id: string; capacity: number; durationMinutes: number } }>(
        CREATE,
        { input: { coachGraduationYear: year - 2, title: 'CVs, applications and interviews', startsAt } },
        coach.token,
      )
    ).createCoachingWorkshop;
    expect(workshop).toMatchObject({ capacity: 5, durationMinutes: 120 });

    const ENROL = `mutation($id: ID!) { enrolInWorkshop(id: $id) { status waitlistPosition } }`;
    const outcomes = await Promise.all(
      students.map((student) =>
        gqlOk<{ enrolInWorkshop: { status: string; waitlistPosition: number | null } }>(
          ENROL,
          { id: workshop.id },
          student.token,
        ),
      ),
    );
    const statuses = outcomes.map((o) => o.enrolInWorkshop.status);
    expect(statuses.filter((s) => s === 'ENROLLED')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(2);
    expect(
      outcomes
        .map((o) => o.enrolInWorkshop.waitlistPosition)
        .filter((p) => p !== null)
        .sort(),
    ).toEqual([1, 2]);
    const ineligible = await gql(ENROL, { id: workshop.id }, resident.token);
    expect(ineligible.errors?.[0].extensions).toMatchObject({ reason: 'NOT_ELIGIBLE_STAGE' });

    const enrolled = students.filter((_, i) => statuses[i] === 'ENROLLED');
    const waiting = students.filter((_, i) => statuses[i] === 'WAITLISTED');
    const firstInLine = students.find((_, i) => outcomes[i].enrolInWorkshop.waitlistPosition === 1) as Person;
    const promoted = await gqlOk<{ withdrawFromWorkshop: { member: { id: string }; status: string } }>(
      `mutation($id: ID!) { withdrawFromWorkshop(id: $id) { member { id } status } }`,
      { id: workshop.id },
      enrolled[0].token,
    );
    expect(promoted.withdrawFromWorkshop).toEqual({ member: { id: firstInLine.id }, status: 'ENROLLED' });
    const view = await gqlOk<{ coachingWorkshop: { enrolledCount: number; waitlistCount: number } }>(
      `query($id: ID!) { coachingWorkshop(id: $id) { enrolledCount waitlistCount } }`,
      { id: workshop.id },
      coach.token,
    );
    expect(view.coachingWorkshop).toEqual({ enrolledCount: 5, waitlistCount: 1 });

    const student = enrolled[1];
    const PLAN = `mutation($id: ID!, $input: ActionPlanInput!) { setActionPlan(workshopId: $id, input: $input) { objectives actions { text done } percentDone } }`;
    const plan = await gqlOk<{ setActionPlan: { objectives: string[]; percentDone: number } }>(
      PLAN,
      {
        id: workshop.id,
        input: {
          objectives: ['Apply for the academic foundation programme'],
          actions: [
            { text: 'Rewrite CV', dueDate: new Date(Date.now() + 7 * DAY_MS).toISOString(), done: true },
            {
              text: 'Mock interview',
              dueDate: new Date(Date.now() + 14 * DAY_MS).toISOString(),
              done: false,
            },
          ],
        },
      },
      student.token,
    );
    expect(plan.setActionPlan).toMatchObject({ percentDone: 50 });
    const waitlisted = waiting.find((w) => w.id !== firstInLine.id) as Person;
    const notEnrolled = await gql(
      PLAN,
      { id: workshop.id, input: { objectives: ['x'], actions: [] } },
      waitlisted.token,
    );
    expect(notEnrolled.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const coachReads = await gqlOk<{ actionPlan: { objectives: string[] } }>(
      `query($id: ID!, $m: ID) { actionPlan(workshopId: $id, memberId: $m) { objectives } }`,
      { id: workshop.id, m: student.id },
      coach.token,
    );
    expect(coachReads.actionPlan.objectives).toEqual(['Apply for the academic foundation programme']);

    const cv = await gqlOk<{ requestCvReview: { id: string; kind: string } }>(
      `mutation($id: ID!) { requestCvReview(workshopId: $id, input: { documentUrl: "https://example.org/cv.pdf" }) { id kind } }`,
      { id: workshop.id },
      student.token,
    );
    const followUp = await gqlOk<{ requestFollowUp: { id: string } }>(
      `mutation($id: ID!) { requestFollowUp(workshopId: $id, message: "Could we meet before my interview?") { id } }`,
      { id: workshop.id },
      student.token,
    );
    for (const requestId of [cv.requestCvReview.id, followUp.requestFollowUp.id]) {
      await gqlOk(
        `mutation($id: ID!) { respondToCoachingRequest(id: $id, response: "Yes, see notes") { respondedAt } }`,
        { id: requestId },
        coach.token,
      );
    }
    const answered = await gqlOk<{ coachingRequests: Page<{ kind: string; response: string }> }>(
      `query($id: ID!) { coachingRequests(workshopId: $id) { edges { node { kind response } } } }`,
      { id: workshop.id },
      student.token,
    );
    expect(
      nodes(answered.coachingRequests)
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['CV_REVIEW', 'FOLLOW_UP']);
    expect(nodes(answered.coachingRequests).every((r) => r.response === 'Yes, see notes')).toBe(true);
    const othersSee = await gqlOk<{ coachingRequests: Page<unknown> & { totalCount: number } }>(
      `query($id: ID!) { coachingRequests(workshopId: $id) { totalCount edges { node { id } } } }`,
      { id: workshop.id },
      enrolled[2].token,
    );
    expect(othersSee.coachingRequests).toEqual({ totalCount: 0, edges: [] });

    // once it has started, the coach marks it held
    const HELD = `mutation($id: ID!) { markWorkshopHeld(id: $id) { heldAt } }`;
    const early = await gql(HELD, { id: workshop.id }, coach.token);
    if (Date.now() < Date.parse(startsAt))
      expect(early.errors?.[0].extensions?.code).toBe('FAILED_PRECONDITION');
    await waitFor(() => Date.now() > Date.parse(startsAt) + 100, { timeoutMs: 15000, intervalMs: 200 });
    if (!early.data) {
      const held = await gqlOk<{ markWorkshopHeld: { heldAt: string } }>(
        HELD,
        { id: workshop.id },
        coach.token,
      );
      expect(held.markWorkshopHeld.heldAt).toBeTruthy();
    }
    // once started (and held), the enrolled list is the attendance record: nobody leaves, nobody is promoted
    const late = await gql(
      `mutation($id: ID!) { withdrawFromWorkshop(id: $id) { member { id } status } }`,
      { id: workshop.id },
      enrolled[2].token,
    );
    expect(late.errors?.[0].extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'WORKSHOP_STARTED',
    });
    const after = await gqlOk<{ coachingWorkshop: { enrolledCount: number; waitlistCount: number } }>(
      `query($id: ID!) { coachingWorkshop(id: $id) { enrolledCount waitlistCount } }`,
      { id: workshop.id },
      coach.token,
    );
    expect(after.coachingWorkshop).toEqual({ enrolledCount: 5, waitlistCount: 1 });
  });

  it('proposes a supervisor for a competition winner exactly once, even when the event is redelivered', async () => {
    const winner = await person('Wren', 'FOUNDATION_DOCTOR', { interests: ['qualitative methods'] });
    const teammate = await person('Wes', 'CONSULTANT');
    const supervisor = await person('Sofia', 'ACADEMIC');
    const elsewhere = await person('Sid', 'CONSULTANT');
    await mentorProfile(teammate, { expertise: ['curriculum design unique-kw'] });
    await mentorProfile(supervisor, { expertise: ['curriculum design unique-kw', 'qualitative methods'] });
    await mentorProfile(elsewhere, { expertise: ['cardiology'] });
    const competitionId = randomUUID();
    const proposalId = randomUUID();
    const payload = {
      competitionId,
      title: 'Masterclass research competition 2026',
      publishedAt: new Date().toISOString(),
      fundingAvailable: 2000,
      protectedHoursAvailable: 40,
      entries: 12,
      winners: [
        {
          proposalId,
          rank: 1,
          title: 'Students as co-designers of curricula',
          keywords: ['Curriculum design unique-kw', 'qualitative methods'],
          leadApplicantId: winner.id,
          teamMemberIds: [winner.id, teammate.id],
          institutionIds: [institutionA],
          requestedFunding: 1000,
          requestedHours: 20,
          normalisedScore: 1.2,
          meanRawScore: 8.5,
        },
      ],
    };
    const event = createEvent(
      CompetitionResultsPublishedV1,
      { aggregateId: competitionId, actorId: null, correlationId: `e2e-${competitionId}` },
      payload,
    );
    // the same message twice (a redelivery), then the same results under a new event id (a re-publication)
    const republished = createEvent(
      CompetitionResultsPublishedV1,
      { aggregateId: competitionId, actorId: null, correlationId: `e2e-${competitionId}-again` },
      payload,
    );
    const producer = testKafka(testBrokers()).producer();
    await producer.connect();
    try {
      for (const envelope of [event, event, republished]) {
        await producer.send({
          topic: CompetitionResultsPublishedV1.topic,
          messages: [{ key: competitionId, value: JSON.stringify(envelope) }],
        });
      }
    } finally {
      await producer.disconnect();
    }
    const LIST = `{ supervisionProposals(first: 100) { edges { node { id competitionId proposalId status mentee { id } mentor { id } reasons { kind } } } } }`;
    interface Proposal {
      id: string;
      competitionId: string;
      proposalId: string;
      status: string;
      mentee: { id: string };
      mentor: { id: string } | null;
      reasons: Array<{ kind: string }>;
    }
    const mine = async () =>
      nodes(
        (await gqlOk<{ supervisionProposals: Page<Proposal> }>(LIST, {}, adminToken)).supervisionProposals,
      ).filter((p) => p.competitionId === competitionId);
    await waitFor(async () => (await mine()).length > 0, {
      timeoutMs: 30000,
      description: 'supervision proposal',
    });
    // all three messages consumed (committed by the supervision group) before checking nothing changed
    const admin = testKafka(testBrokers()).admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const ends = await admin.fetchTopicOffsets(CompetitionResultsPublishedV1.topic);
          const [committed] = await admin.fetchOffsets({
            groupId: 'mentorship.supervision',
            topics: [CompetitionResultsPublishedV1.topic],
          });
          return ends.every((end) => {
            const done = committed.partitions.find((p) => p.partition === end.partition);
            return Number(end.high) === 0 || Number(done?.offset ?? -1) >= Number(end.high);
          });
        },
        { timeoutMs: 30000, intervalMs: 200, description: 'supervision group caught up' },
      );
    } finally {
      await admin.disconnect();
    }
    const proposals = await mine();
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      proposalId,
      status: 'PROPOSED',
      mentee: { id: winner.id },
      // the teammate knows the topic too, but cannot supervise their own team
      mentor: { id: supervisor.id },
    });
    expect(proposals[0].reasons.map((r) => r.kind)).toContain('SHARED_EXPERTISE');

    // an admin cannot name a member of the winning team either
    const CONFIRM_WITH = `mutation($id: ID!, $m: ID) { confirmSupervision(id: $id, mentorId: $m) { status } }`;
    const ownTeam = await gql(CONFIRM_WITH, { id: proposals[0].id, m: teammate.id }, adminToken);
    expect(ownTeam.errors?.[0].extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'MENTOR_ON_TEAM',
    });

    const confirmed = await gqlOk<{ confirmSupervision: { status: string; relationshipId: string } }>(
      `mutation($id: ID!) { confirmSupervision(id: $id) { status relationshipId } }`,
      { id: proposals[0].id },
      adminToken,
    );
    expect(confirmed.confirmSupervision.status).toBe('CONFIRMED');
    const relationships = await gqlOk<{
      myRelationships: Page<{ kind: string; status: string; origin: string }>;
    }>(`{ myRelationships { edges { node { kind status origin } } } }`, {}, winner.token);
    expect(nodes(relationships.myRelationships)).toEqual([
      { kind: 'SUPERVISION', status: 'ACTIVE', origin: 'COMPETITION' },
    ]);
  });
});
