import { ApplicationEntity } from '@praxis/community/data-access';
import { encodeCursor } from '@praxis/platform/graphql';
import { OutboxRow } from '@praxis/platform/messaging';
import { countQueries } from '@praxis/platform/testing';
import { startCommunityHarness, type CommunityHarness } from '../testing/community-harness';
import { apply, createProgramme, MY_APPLICATION, RESPOND, SELECT } from '../testing/programme-fixture';
import { ApplicationsService } from './applications.service';

const APPLICATIONS = `query($id: ID!) { programmeApplications(programmeId: $id, first: 100) { totalCount edges { node { id status waitlistPosition member { id } } } } }`;

describe('programme applications, selection and the waitlist through the subgraph', () => {
  let h: CommunityHarness;

  beforeAll(async () => {
    h = await startCommunityHarness('community_applications');
  }, 60000);

  afterAll(async () => {
    await h?.close();
  });

  it('shows widening-participation answers to the applicant alone, never to organisers or on events', async () => {
    const programme = await createProgramme(h);
    const applicant = await h.member();
    const application = await apply(h, applicant, programme.id, {
      freeSchoolMeals: 'YES',
      disability: 'PREFER_NOT_TO_SAY',
    });
    const mine = await h.ok<{
      programme: { myApplication: { wideningParticipation: Record<string, string | null> } };
    }>(applicant, MY_APPLICATION, { id: programme.id });
    expect(mine.programme.myApplication.wideningParticipation).toEqual({
      freeSchoolMeals: 'YES',
      firstGenerationHigherEducation: null,
    });

    const other = await h.member();
    const theirs = await h.ok<{ programme: { myApplication: null } }>(other, MY_APPLICATION, {
      id: programme.id,
    });
    expect(theirs.programme.myApplication).toBeNull();
    // the organisers' type has no field for answers, motivation or priority at all
    const asked = await h.subgraph.execute(
      h.admin,
      `query($id: ID!) { programmeApplications(programmeId: $id) { edges { node { wideningParticipation { freeSchoolMeals } } } } }`,
      { id: programme.id },
    );
    expect(asked.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const list = await h.ok<{ programmeApplications: { edges: Array<{ node: { id: string } }> } }>(
      h.admin,
      APPLICATIONS,
      { id: programme.id },
    );
    expect(list.programmeApplications.edges.map((edge) => edge.node.id)).toEqual([application.id]);
    const notOrganiser = await h.subgraph.execute(other, APPLICATIONS, { id: programme.id });
    expect(notOrganiser.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outbox = await h.subgraph.dataSource.getRepository(OutboxRow).find();
    const payloads = JSON.stringify(outbox.map((row) => row.envelope));
    expect(payloads).toContain(application.id);
    expect(payloads).not.toMatch(/freeSchoolMeals|PREFER_NOT_TO_SAY|motivation|research methods/);

    const again = await h.subgraph.execute(
      applicant,
      `mutation($id: ID!) { applyToProgramme(programmeId: $id, input: { motivation: "again" }) { id } }`,
      { id: programme.id },
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPLIED' });
    const consultant = await h.member('CONSULTANT');
    const outside = await h.subgraph.execute(
      consultant,
      `mutation($id: ID!) { applyToProgramme(programmeId: $id, input: { motivation: "hi" }) { id } }`,
      { id: programme.id },
    );
    expect(outside.errors?.[0].extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'NOT_IN_AUDIENCE',
    });
  });

  it('selects flagged applicants first under PRIORITY_THEN_LOTTERY, reproducibly from the stored seed, and waitlists the rest in order', async () => {
    const draws: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const programme = await createProgramme(h, { capacity: 3 });
      const flagged = await Promise.all([0, 1].map(() => h.member()));
      const others = await Promise.all([0, 1, 2, 3].map(() => h.member()));
      for (const member of flagged) await apply(h, member, programme.id, { careExperience: 'YES' });
      for (const member of others)
        await apply(h, member, programme.id, { careExperience: 'PREFER_NOT_TO_SAY' });
      const result = await h.ok<{ selectApplicants: { seed: string; accepted: number; waitlisted: number } }>(
        h.admin,
        SELECT,
        { id: programme.id, policy: 'PRIORITY_THEN_LOTTERY', seed: 'masterclass-2026' },
      );
      expect(result.selectApplicants).toMatchObject({ seed: 'masterclass-2026', accepted: 3, waitlisted: 3 });
      const rows = await h.subgraph.dataSource
        .getRepository(ApplicationEntity)
        .findBy({ programmeId: programme.id });
      const accepted = rows.filter((row) => row.status === 'ACCEPTED').map((row) => row.memberId);
      expect(accepted).toEqual(expect.arrayContaining(flagged.map((member) => member.memberId)));
      const waitlist = rows
        .filter((row) => row.status === 'WAITLISTED')
        .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
      expect(waitlist.map((row) => row.waitlistPosition)).toEqual([1, 2, 3]);
      // the lottery shuffles each group sorted by id: with the same seed and group sizes, two programmes draw
      // the same permutation of ranks, whatever the ids are
      const unflagged = rows.filter((row) => !row.priority).sort((a, b) => (a.id < b.id ? -1 : 1));
      const rank = (id: string) => unflagged.findIndex((row) => row.id === id);
      const acceptedUnflagged = unflagged.filter((row) => row.status === 'ACCEPTED');
      draws.push([...acceptedUnflagged, ...waitlist].map((row) => String(rank(row.id))));
      const twice = await h.subgraph.execute(h.admin, SELECT, { id: programme.id, policy: 'FIRST_COME' });
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SELECTED' });
    }
    expect(draws[0]).toHaveLength(4);
    expect(draws[1]).toEqual(draws[0]);
  });

  it('offers a declined place to the next on the waitlist with a deadline, expires it when unconfirmed, and shows links only to attendees', async () => {
    const programme = await createProgramme(h, { capacity: 1 }, 3, 10);
    const [first, second, third] = await Promise.all([h.member(), h.member(), h.member()]);
    const a1 = await apply(h, first, programme.id);
    h.clock.advance(1000);
    const a2 = await apply(h, second, programme.id);
    h.clock.advance(1000);
    const a3 = await apply(h, third, programme.id);
    await h.ok(h.admin, SELECT, { id: programme.id, policy: 'FIRST_COME' });
    type Mine = {
      programme: {
        myApplication: { status: string; waitlistPosition: number | null; offerExpiresAt: string | null };
        sessions: Array<{ joiningLink: string | null; sessionCode: string | null }>;
      };
    };
    const accepted = await h.ok<Mine>(first, MY_APPLICATION, { id: programme.id });
    expect(accepted.programme.myApplication.status).toBe('ACCEPTED');
    expect(accepted.programme.sessions[0].joiningLink).toBe('https://meet.example.org/s1');
    expect(accepted.programme.sessions[0].sessionCode).toBeNull();
    const waiting = await h.ok<Mine>(second, MY_APPLICATION, { id: programme.id });
    expect(waiting.programme.myApplication).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(waiting.programme.sessions[0].joiningLink).toBeNull();

    await h.ok(first, RESPOND, { id: a1.id, action: 'DECLINE' });
    const offered = await h.ok<Mine>(second, MY_APPLICATION, { id: programme.id });
    expect(offered.programme.myApplication.status).toBe('OFFERED');
    const deadline = new Date(offered.programme.myApplication.offerExpiresAt as string).getTime();
    expect(deadline - h.clock.now().getTime()).toBeGreaterThan(71 * 3_600_000);
    expect(deadline - h.clock.now().getTime()).toBeLessThanOrEqual(72 * 3_600_000);
    // somebody else's application cannot be answered
    const notYours = await h.subgraph.execute(third, RESPOND, { id: a2.id, action: 'CONFIRM' });
    expect(notYours.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // the offer lapses: the sweep expires it and offers the place to the third applicant
    h.clock.advance(73 * 3_600_000);
    const late = await h.subgraph.execute(second, RESPOND, { id: a2.id, action: 'CONFIRM' });
    expect(late.errors?.[0].extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'OFFER_EXPIRED',
    });
    await h.subgraph.app.get(ApplicationsService).sweepExpiredOffers();
    expect(
      (await h.ok<Mine>(second, MY_APPLICATION, { id: programme.id })).programme.myApplication.status,
    ).toBe('EXPIRED');
    expect(
      (await h.ok<Mine>(third, MY_APPLICATION, { id: programme.id })).programme.myApplication.status,
    ).toBe('OFFERED');
    const confirmed = await h.ok<{ respondToPlace: { status: string } }>(third, RESPOND, {
      id: a3.id,
      action: 'CONFIRM',
    });
    expect(confirmed.respondToPlace.status).toBe('ACCEPTED');
    expect(
      (await h.ok<Mine>(third, MY_APPLICATION, { id: programme.id })).programme.sessions[0].joiningLink,
    ).toBe('https://meet.example.org/s1');
    h.clock.set(new Date());
  });

  it('gives concurrent late applicants and concurrent declines one clean outcome each, never more places than capacity', async () => {
    const capacity = 3;
    const programme = await createProgramme(h, { capacity });
    const early = await Promise.all(Array.from({ length: 5 }, () => h.member()));
    const applications = [];
    for (const member of early) applications.push(await apply(h, member, programme.id));
    await h.ok(h.admin, SELECT, { id: programme.id, policy: 'FIRST_COME' });
    const rows = await h.subgraph.dataSource
      .getRepository(ApplicationEntity)
      .findBy({ programmeId: programme.id });
    const acceptedIds = rows.filter((row) => row.status === 'ACCEPTED').map((row) => row.id);
    const late = await Promise.all(Array.from({ length: 6 }, () => h.member()));
    // every accepted attendee declines while six more apply, all at once
    const outcomes = await Promise.allSettled([
      ...acceptedIds.map((id) => {
        const owner = rows.find((row) => row.id === id)?.memberId ?? '';
        return h.ok({ memberId: owner }, RESPOND, { id, action: 'DECLINE' });
      }),
      ...late.map((member) => apply(h, member, programme.id)),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    const after = await h.subgraph.dataSource
      .getRepository(ApplicationEntity)
      .findBy({ programmeId: programme.id });
    const held = after.filter((row) => row.status === 'ACCEPTED' || row.status === 'OFFERED');
    expect(held).toHaveLength(capacity);
    expect(after.filter((row) => row.status === 'DECLINED')).toHaveLength(capacity);
    // the two first waitlisted were offered first: order is kept
    const firstWaitlisted = rows.filter((row) => row.status === 'WAITLISTED').map((row) => row.id);
    expect(held.map((row) => row.id)).toEqual(expect.arrayContaining(firstWaitlisted));
    const positions = after.filter((row) => row.status === 'WAITLISTED').map((row) => row.waitlistPosition);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('never lets an offer run past the first session', async () => {
    const programme = await createProgramme(h, { capacity: 1 }, 1, 2);
    const [first, second] = await Promise.all([h.member(), h.member()]);
    const a1 = await apply(h, first, programme.id);
    h.clock.advance(1000);
    await apply(h, second, programme.id);
    await h.ok(h.admin, SELECT, { id: programme.id, policy: 'FIRST_COME' });
    await h.ok(first, RESPOND, { id: a1.id, action: 'CANCEL' });
    const offered = await h.ok<{ programme: { myApplication: { status: string; offerExpiresAt: string } } }>(
      second,
      MY_APPLICATION,
      { id: programme.id },
    );
    expect(offered.programme.myApplication.status).toBe('OFFERED');
    expect(offered.programme.myApplication.offerExpiresAt).toBe(programme.sessions[0].startsAt);
  });

  it("pages a programme's applications in order of application, and refuses a forged cursor naming after", async () => {
    const programme = await createProgramme(h);
    const applicants = [];
    for (let index = 0; index < 3; index += 1) {
      const applicant = await h.member();
      await apply(h, applicant, programme.id, {});
      applicants.push(applicant.memberId);
      h.clock.advance(1000);
    }
    const PAGE = `query($id: ID!, $after: String) { programmeApplications(programmeId: $id, first: 2, after: $after) { totalCount edges { node { member { id } } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      programmeApplications: {
        totalCount: number;
        edges: Array<{ node: { member: { id: string } } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const page1 = await h.ok<Page>(h.admin, PAGE, { id: programme.id });
    expect(page1.programmeApplications).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = await h.ok<Page>(h.admin, PAGE, {
      id: programme.id,
      after: page1.programmeApplications.pageInfo.endCursor,
    });
    expect(
      [...page1.programmeApplications.edges, ...page2.programmeApplications.edges].map(
        (edge) => edge.node.member.id,
      ),
    ).toEqual(applicants);
    // a cursor of the right shape whose parts are not an instant and an id never reaches SQL
    const forged = await h.subgraph.execute(h.admin, PAGE, {
      id: programme.id,
      after: encodeCursor(['yesterday', 'not-an-id']),
    });
    expect(forged.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'after' })],
    });
  });

  it("pages the caller's own applications newest first, and loads a page of programmes' myApplication in one query", async () => {
    const applicant = await h.member();
    const programmes = [];
    for (let i = 0; i < 4; i += 1) programmes.push(await createProgramme(h, { title: `Mine ${i}` }));
    const applied: string[] = [];
    for (const programme of programmes.slice(0, 3)) {
      applied.push((await apply(h, applicant, programme.id)).id);
      h.clock.advance(1000);
    }
    const MINE = `query($after: String) { myApplications(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id programmeId status } }
    } }`;
    type Page = {
      myApplications: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ node: { id: string; programmeId: string } }>;
      };
    };
    const first = await h.ok<Page>(applicant, MINE);
    expect(first.myApplications.totalCount).toBe(3);
    expect(first.myApplications.edges.map((edge) => edge.node.id)).toEqual([applied[2], applied[1]]);
    const rest = await h.ok<Page>(applicant, MINE, { after: first.myApplications.pageInfo.endCursor });
    expect(rest.myApplications.edges.map((edge) => edge.node.id)).toEqual([applied[0]]);
    expect(rest.myApplications.pageInfo.hasNextPage).toBe(false);
    const someoneElse = await h.ok<Page>(await h.member(), MINE);
    expect(someoneElse.myApplications.totalCount).toBe(0);

    const PAGE = `query($n: Int) { programmes(first: $n) { edges { node { id myApplication { id } } } } }`;
    const page = (n: number) =>
      countQueries(h.subgraph.dataSource, () =>
        h.ok<{
          programmes: { edges: Array<{ node: { id: string; myApplication: { id: string } | null } }> };
        }>(applicant, PAGE, { n }),
      );
    // the caller's roles are read once and then kept (PrincipalReads): compare pages once they are
    await page(1);
    const one = await page(1);
    const four = await page(4);
    expect(four.result.programmes.edges).toHaveLength(4);
    expect(four.queries.length).toBe(one.queries.length);
    const all = await page(100);
    const mineSeen = all.result.programmes.edges.filter((edge) => edge.node.myApplication);
    expect(mineSeen.map((edge) => edge.node.myApplication?.id).sort()).toEqual([...applied].sort());
  });

  it("names each of the caller's applications' programme, a page of them in as many queries as one", async () => {
    const applicant = await h.member();
    const programmes = [];
    for (let i = 0; i < 3; i += 1) programmes.push(await createProgramme(h, { title: `Named ${i}` }));
    for (const programme of programmes) {
      await apply(h, applicant, programme.id);
      h.clock.advance(1000);
    }
    const NAMED = `query($n: Int) { myApplications(first: $n) { edges { node {
      programmeId programme { id title applicationClosesAt sessions { startsAt } }
    } } } }`;
    type Named = {
      myApplications: {
        edges: Array<{
          node: {
            programmeId: string;
            programme: { id: string; title: string; applicationClosesAt: string; sessions: unknown[] };
          };
        }>;
      };
    };
    const page = (n: number) =>
      countQueries(h.subgraph.dataSource, () => h.ok<Named>(applicant, NAMED, { n }));
    const one = await page(1);
    const three = await page(3);
    expect(three.queries.length).toBe(one.queries.length);
    expect(three.result.myApplications.edges.map((edge) => edge.node.programme.title)).toEqual([
      'Named 2',
      'Named 1',
      'Named 0',
    ]);
    for (const { node } of three.result.myApplications.edges) {
      expect(node.programme.id).toBe(node.programmeId);
      expect(node.programme.sessions.length).toBeGreaterThan(0);
    }
    // another member's list holds none of them
    const stranger = await h.ok<Named>(await h.member(), NAMED, { n: 100 });
    expect(stranger.myApplications.edges).toEqual([]);
  });

  it('refuses selection to non-admins and a lottery seed that is blank', async () => {
    const programme = await createProgramme(h);
    const member = await h.member();
    expect(
      (await h.subgraph.execute(member, SELECT, { id: programme.id, policy: 'FIRST_COME' })).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
    const blank = await h.subgraph.execute(h.admin, SELECT, {
      id: programme.id,
      policy: 'PRIORITY_THEN_LOTTERY',
      seed: '  ',
    });
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
