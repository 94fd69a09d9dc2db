import { OutboxRow } from '@praxis/platform/messaging';
import { startCommunityHarness, type CommunityHarness } from '../testing/community-harness';
import { apply, createProgramme, SELECT, type CreatedProgramme } from '../testing/programme-fixture';

const RECORD = `mutation($sessionId: ID!, $memberIds: [ID!]!) { recordAttendance(sessionId: $sessionId, memberIds: $memberIds) { recorded alreadyRecorded } }`;
const SELF = `mutation($sessionId: ID!, $code: String!) { recordMyAttendance(sessionId: $sessionId, code: $code) { recorded alreadyRecorded } }`;
const SUMMARY = `query($id: ID!) { programme(id: $id) { attendanceSummary { attendees histogram attendedAll sessions { attended attendanceRate retentionFromFirst } } } }`;
const REFLECT = `mutation($id: ID!, $input: SubmitReflectionInput!) { submitReflection(programmeId: $id, input: $input) { programmeId submittedOn } }`;
const REFLECTIONS = `query($id: ID!, $hidden: Boolean) { programme(id: $id) { reflectionCounts { submitted hidden } } programmeReflections(programmeId: $id, includeHidden: $hidden) { totalCount edges { node { id submittedOn hidden answers { questionId text } } } } }`;
const HOUR = 3_600_000;

describe('attendance and anonymous reflections through the subgraph', () => {
  let h: CommunityHarness;
  let programme: CreatedProgramme;
  let attendees: Array<{ memberId: string }>;
  let stranger: { memberId: string };

  beforeAll(async () => {
    h = await startCommunityHarness('community_attendance');
    programme = await createProgramme(h, { capacity: 4, certificateMinSharePercent: 60 }, 3);
    attendees = await Promise.all([0, 1, 2, 3].map(() => h.member()));
    for (const attendee of attendees) await apply(h, attendee, programme.id);
    stranger = await h.member();
    await apply(h, stranger, programme.id);
    await h.ok(h.admin, SELECT, { id: programme.id, policy: 'FIRST_COME' });
  }, 60000);

  afterAll(async () => {
    await h?.close();
  });

  it('records attendees with the session code only while the session runs, and registers from organisers for a week after', async () => {
    const [s1, s2, s3] = programme.sessions;
    const code = s1.sessionCode as string;
    h.clock.set(new Date(new Date(s1.startsAt).getTime() - 60_000));
    const early = await h.subgraph.execute(attendees[0], SELF, { sessionId: s1.id, code });
    expect(early.errors?.[0].extensions).toMatchObject({ reason: 'SESSION_CODE_NOT_VALID_NOW' });
    h.clock.set(new Date(new Date(s1.startsAt).getTime() + HOUR));
    const wrong = await h.subgraph.execute(attendees[0], SELF, {
      sessionId: s1.id,
      code: code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA',
    });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const self = await h.ok<{ recordMyAttendance: { recorded: string[] } }>(attendees[0], SELF, {
      sessionId: s1.id,
      code: code.toLowerCase(),
    });
    expect(self.recordMyAttendance.recorded).toEqual([attendees[0].memberId]);
    const outsider = await h.member();
    const notAttendee = await h.subgraph.execute(outsider, SELF, { sessionId: s1.id, code });
    expect(notAttendee.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // a register naming someone who is not an accepted attendee fails whole, naming the entry
    const withStranger = await h.subgraph.execute(h.admin, RECORD, {
      sessionId: s1.id,
      memberIds: [attendees[1].memberId, stranger.memberId],
    });
    expect(withStranger.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(withStranger.errors?.[0].extensions)).toContain('memberIds[1]');
    const notUuid = await h.subgraph.execute(h.admin, RECORD, { sessionId: s1.id, memberIds: ['nope'] });
    expect(notUuid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const notOrganiser = await h.subgraph.execute(attendees[0], RECORD, {
      sessionId: s1.id,
      memberIds: [attendees[0].memberId],
    });
    expect(notOrganiser.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const register = attendees.map((attendee) => attendee.memberId);
    const [a, b] = await Promise.all([
      h.ok<{ recordAttendance: { recorded: string[]; alreadyRecorded: string[] } }>(h.admin, RECORD, {
        sessionId: s1.id,
        memberIds: register,
      }),
      h.ok<{ recordAttendance: { recorded: string[]; alreadyRecorded: string[] } }>(h.admin, RECORD, {
        sessionId: s1.id,
        memberIds: register,
      }),
    ]);
    // two overlapping registers at once: each attendee recorded exactly once between them
    expect([...a.recordAttendance.recorded, ...b.recordAttendance.recorded].sort()).toEqual(
      register.slice(1).sort(),
    );

    // session 2 recorded late (6 days after it ended), session 3 too late (8 days)
    h.clock.set(new Date(new Date(s2.endsAt).getTime() + 6 * 24 * HOUR));
    await h.ok(h.admin, RECORD, { sessionId: s2.id, memberIds: register.slice(0, 2) });
    h.clock.set(new Date(new Date(s3.endsAt).getTime() + 8 * 24 * HOUR));
    const tooLate = await h.subgraph.execute(h.admin, RECORD, {
      sessionId: s3.id,
      memberIds: register.slice(0, 1),
    });
    expect(tooLate.errors?.[0].extensions).toMatchObject({ reason: 'ATTENDANCE_WINDOW_CLOSED' });

    const summary = await h.ok<{
      programme: {
        attendanceSummary: {
          attendees: number;
          histogram: number[];
          sessions: Array<{ attended: number; retentionFromFirst: number | null }>;
        };
      };
    }>(h.admin, SUMMARY, { id: programme.id });
    expect(summary.programme.attendanceSummary.attendees).toBe(4);
    expect(summary.programme.attendanceSummary.sessions.map((session) => session.attended)).toEqual([
      4, 2, 0,
    ]);
    expect(summary.programme.attendanceSummary.sessions[1].retentionFromFirst).toBe(0.5);
    expect(summary.programme.attendanceSummary.histogram).toEqual([0, 2, 2, 0]);
    const events = await h.subgraph.dataSource
      .getRepository(OutboxRow)
      .findBy({ topic: 'community.attendance.recorded.v1' });
    const counted = events.reduce(
      (sum, row) => sum + ((row.envelope.payload as { count: number }).count ?? 0),
      0,
    );
    expect(counted).toBe(6);
  });

  it('takes one reflection per attendee, stored with nothing that links it to a member, even with database access', async () => {
    const last = programme.sessions[programme.sessions.length - 1];
    const [q1, q2] = programme.reflectionQuestions;
    h.clock.set(new Date(new Date(last.startsAt).getTime() + HOUR));
    const early = await h.subgraph.execute(attendees[0], REFLECT, {
      id: programme.id,
      input: { answers: [{ questionId: q1.id, text: 'Too soon' }] },
    });
    expect(early.errors?.[0].extensions).toMatchObject({ reason: 'REFLECTION_WINDOW_CLOSED' });
    h.clock.set(new Date(new Date(last.endsAt).getTime() + 2 * HOUR));

    const unknownQuestion = await h.subgraph.execute(attendees[0], REFLECT, {
      id: programme.id,
      input: { answers: [{ questionId: 'q99', text: 'x' }] },
    });
    expect(unknownQuestion.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // the refused attempt did not spend the token: the same attendee can still submit, once
    const twice = await Promise.allSettled(
      [0, 1].map(() =>
        h.ok(attendees[0], REFLECT, {
          id: programme.id,
          input: { answers: [{ questionId: q1.id, text: 'Loved the statistics session' }] },
        }),
      ),
    );
    expect(twice.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(
      String((twice.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult).reason),
    ).toContain('REFLECTION_ALREADY_SUBMITTED');
    for (const attendee of attendees.slice(1, 3)) {
      await h.ok(attendee, REFLECT, {
        id: programme.id,
        input: {
          answers: [
            { questionId: q2.id, text: `Next I will write a protocol ${attendee.memberId.slice(0, 4)}` },
          ],
        },
      });
    }
    const outsider = await h.member();
    const refused = await h.subgraph.execute(outsider, REFLECT, {
      id: programme.id,
      input: { answers: [{ questionId: q1.id, text: 'x' }] },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const submitted = await h.ok<{ programme: { myReflectionSubmitted: boolean } }>(
      attendees[0],
      `query($id: ID!) { programme(id: $id) { myReflectionSubmitted } }`,
      { id: programme.id },
    );
    expect(submitted.programme.myReflectionSubmitted).toBe(true);

    // what an administrator with the database sees: no column can be joined to a member
    const ds = h.subgraph.dataSource;
    const columns: Array<{ table_name: string; column_name: string }> = await ds.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('reflection', 'reflection_spent_token') ORDER BY 1, 2`,
    );
    expect(columns).toEqual([
      { table_name: 'reflection', column_name: 'answers' },
      { table_name: 'reflection', column_name: 'hidden' },
      { table_name: 'reflection', column_name: 'id' },
      { table_name: 'reflection', column_name: 'programme_id' },
      { table_name: 'reflection', column_name: 'submitted_on' },
      { table_name: 'reflection_spent_token', column_name: 'programme_id' },
      { table_name: 'reflection_spent_token', column_name: 'token_hash' },
    ]);
    const reflections: Array<Record<string, unknown>> = await ds.query(
      `SELECT *, submitted_on::text AS day FROM reflection`,
    );
    const spent: Array<Record<string, unknown>> = await ds.query(`SELECT * FROM reflection_spent_token`);
    expect(reflections).toHaveLength(3);
    expect(spent).toHaveLength(3);
    const memberIds: string[] = (await ds.query(`SELECT member_id FROM member_replica`)).map(
      (row: { member_id: string }) => row.member_id,
    );
    const dump = JSON.stringify([reflections, spent]);
    for (const memberId of memberIds) expect(dump).not.toContain(memberId);
    for (const row of reflections) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // every value the two tables share is the programme id: there is no key to join a spent token to a reflection
    const spentValues = new Set(spent.flatMap((row) => Object.values(row).map(String)));
    const shared = reflections
      .flatMap((row) => Object.values(row).map(String))
      .filter((value) => spentValues.has(value));
    expect(new Set(shared)).toEqual(new Set([programme.id]));
    // nor can a hash be recomputed from a member id without the service's secret
    const { createHash } = await import('node:crypto');
    for (const memberId of memberIds) {
      const guess = createHash('sha256').update(memberId).digest('hex');
      expect(spent.map((row) => row.token_hash)).not.toContain(guess);
    }
    // the event names the programme and the day, no member, no actor, and a correlation id of its own
    const events = await ds.getRepository(OutboxRow).findBy({ topic: 'community.reflection.submitted.v1' });
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(Object.keys(event.envelope.payload as object).sort()).toEqual(['programmeId', 'submittedOn']);
      expect(event.envelope.actorId).toBeNull();
      for (const memberId of memberIds) expect(JSON.stringify(event)).not.toContain(memberId);
    }
  });

  it('lets organisers read reflections and their count, and flag one to hide it', async () => {
    type List = {
      programme: { reflectionCounts: { submitted: number; hidden: number } };
      programmeReflections: { totalCount: number; edges: Array<{ node: { id: string; hidden: boolean } }> };
    };
    const list = await h.ok<List>(h.admin, REFLECTIONS, { id: programme.id });
    expect(list.programme.reflectionCounts).toEqual({ submitted: 3, hidden: 0 });
    const target = list.programmeReflections.edges[0].node.id;
    const notOrganiser = await h.subgraph.execute(
      attendees[0],
      `mutation($id: ID!) { setReflectionHidden(reflectionId: $id, hidden: true) { id } }`,
      { id: target },
    );
    expect(notOrganiser.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await h.ok(
      h.admin,
      `mutation($id: ID!) { setReflectionHidden(reflectionId: $id, hidden: true) { id hidden } }`,
      { id: target },
    );
    const after = await h.ok<List>(h.admin, REFLECTIONS, { id: programme.id });
    expect(after.programmeReflections.totalCount).toBe(2);
    expect(after.programme.reflectionCounts).toEqual({ submitted: 3, hidden: 1 });
    const withHidden = await h.ok<List>(h.admin, REFLECTIONS, { id: programme.id, hidden: true });
    expect(withHidden.programmeReflections.totalCount).toBe(3);
    const attendeeRead = await h.subgraph.execute(attendees[0], REFLECTIONS, { id: programme.id });
    expect(attendeeRead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('issues a certificate to attendees of enough held sessions, with a PDF and a public check that reveals only name and programme', async () => {
    const REQUEST = `mutation($id: ID!) { requestCertificate(programmeId: $id) { id verificationCode verificationUrl memberName programmeTitle sessionsHeld sessionsAttended { theme } } }`;
    type Issued = {
      requestCertificate: {
        id: string;
        verificationCode: string;
        verificationUrl: string;
        sessionsHeld: number;
        sessionsAttended: Array<{ theme: string }>;
      };
    };
    const issued = await h.ok<Issued>(attendees[0], REQUEST, { id: programme.id });
    expect(issued.requestCertificate.sessionsHeld).toBe(3);
    expect(issued.requestCertificate.sessionsAttended.map((session) => session.theme)).toEqual([
      'Theme 1',
      'Theme 2',
    ]);
    expect(issued.requestCertificate.verificationUrl).toBe(
      `https://praxis.example.org/verify-certificate/${issued.requestCertificate.verificationCode}`,
    );
    const again = await h.ok<Issued>(attendees[0], REQUEST, { id: programme.id });
    expect(again.requestCertificate.id).toBe(issued.requestCertificate.id);

    // the member's own certificates, newest first; nobody else's, and nobody else sees theirs
    const MINE = `query { myCertificates(first: 10) { totalCount edges { node { id programmeId verificationCode } } } }`;
    type Mine = { myCertificates: { totalCount: number; edges: Array<{ node: Record<string, string> }> } };
    const mine = await h.ok<Mine>(attendees[0], MINE);
    expect(mine.myCertificates.totalCount).toBe(1);
    expect(mine.myCertificates.edges.map((edge) => edge.node)).toEqual([
      {
        id: issued.requestCertificate.id,
        programmeId: programme.id,
        verificationCode: issued.requestCertificate.verificationCode,
      },
    ]);
    for (const other of [attendees[1], stranger, h.admin]) {
      expect((await h.ok<Mine>(other, MINE)).myCertificates).toEqual({ totalCount: 0, edges: [] });
    }
    const anonymous = await h.subgraph.execute(null, MINE);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const notEnough = await h.subgraph.execute(attendees[2], REQUEST, { id: programme.id });
    expect(notEnough.errors?.[0].extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'NOT_ELIGIBLE_FOR_CERTIFICATE',
    });
    expect(notEnough.errors?.[0].message).toContain('needs 2 of the 3 sessions');

    const pdf = await h.ok<{ programme: { myCertificatePdf: { base64: string; contentType: string } } }>(
      attendees[0],
      `query($id: ID!) { programme(id: $id) { myCertificatePdf { base64 contentType } } }`,
      { id: programme.id },
    );
    const bytes = Buffer.from(pdf.programme.myCertificatePdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { valid memberName programmeTitle } }`;
    const verified = await h.ok<{ verifyCertificate: Record<string, unknown> }>(null, VERIFY, {
      code: issued.requestCertificate.verificationCode.toLowerCase(),
    });
    expect(verified.verifyCertificate).toEqual({
      valid: true,
      memberName: 'Member 2',
      programmeTitle: 'Research in medical education',
    });
    const code = issued.requestCertificate.verificationCode;
    const typo = code.slice(0, 2) + (code[2] === 'A' ? 'B' : 'A') + code.slice(3);
    const mistyped = await h.ok<{ verifyCertificate: Record<string, unknown> }>(null, VERIFY, { code: typo });
    expect(mistyped.verifyCertificate).toEqual({ valid: false, memberName: null, programmeTitle: null });
    const events = await h.subgraph.dataSource
      .getRepository(OutboxRow)
      .findBy({ topic: 'community.certificate.issued.v1' });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0].envelope)).not.toContain(code.replace(/-/g, ''));
  });
});
