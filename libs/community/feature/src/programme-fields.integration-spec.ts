import { countQueries } from '@praxis/platform/testing';
import { startCommunityHarness, type CommunityHarness } from './testing/community-harness';
import { apply, createProgramme, SELECT, type CreatedProgramme } from './testing/programme-fixture';

const HOUR = 3_600_000;
const RECORD = `mutation($sessionId: ID!, $memberIds: [ID!]!) { recordAttendance(sessionId: $sessionId, memberIds: $memberIds) { recorded } }`;
const REFLECT = `mutation($id: ID!, $input: SubmitReflectionInput!) { submitReflection(programmeId: $id, input: $input) { submittedOn } }`;
const CERTIFICATE = `mutation($id: ID!) { requestCertificate(programmeId: $id) { id } }`;

const MINE = `query($n: Int) { programmes(first: $n) { edges { node {
  id myApplication { status } myAttendance myReflectionSubmitted myCertificate { id }
  myCertificateEligibility { eligible attended held }
} } } }`;
const ORGANISER_FIELDS = `attendanceSummary { attendees histogram sessions { attended } }
  reflectionCounts { submitted hidden } speakerDiversity { field answered notStated otherCount }`;
const ORGANISED = `query($n: Int, $community: ID) { programmes(first: $n, communityId: $community) { edges { node {
  id viewerIsOrganiser ${ORGANISER_FIELDS}
} } } }`;

interface MineNode {
  id: string;
  myApplication: { status: string } | null;
  myAttendance: string[];
  myReflectionSubmitted: boolean;
  myCertificate: { id: string } | null;
  myCertificateEligibility: { eligible: boolean; attended: number; held: number };
}
interface OrganisedNode {
  id: string;
  viewerIsOrganiser: boolean;
  attendanceSummary: { attendees: number; histogram: number[]; sessions: Array<{ attended: number }> };
  reflectionCounts: { submitted: number; hidden: number };
  speakerDiversity: Array<{ field: string; answered: number; notStated: number; otherCount: number }>;
}
type Page<T> = { programmes: { edges: Array<{ node: T }> } };

/**
 * The fields a programme resolves for its caller or its organisers cost a fixed number of queries for a page,
 * whatever its size (request-scoped loaders), and each programme keeps its own authorisation.
 */
describe('community: programme fields on a page of programmes', () => {
  let h: CommunityHarness;
  let attendee: { memberId: string };
  let moderator: { memberId: string };
  let communityId: string;
  /** Three in the community, the last outside it. */
  let programmes: CreatedProgramme[];

  beforeAll(async () => {
    h = await startCommunityHarness('community_programme_fields');
    moderator = await h.member('CONSULTANT');
    const community = await h.ok<{ createCommunity: { id: string } }>(
      h.admin,
      `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name: 'Assessment', interests: ['assessment'], moderatorIds: [moderator.memberId] } },
    );
    communityId = community.createCommunity.id;
    programmes = [];
    for (const inCommunity of [true, true, true, false]) {
      programmes.push(
        await createProgramme(h, {
          certificateMinSharePercent: 30,
          ...(inCommunity ? { communityId } : {}),
        }),
      );
    }
    attendee = await h.member();
    for (const programme of programmes) {
      await apply(h, attendee, programme.id);
      await h.ok(h.admin, SELECT, { id: programme.id, policy: 'FIRST_COME' });
    }
    const [first] = programmes[0].sessions;
    h.clock.set(new Date(new Date(first.startsAt).getTime() + HOUR));
    for (const programme of programmes) {
      await h.ok(h.admin, RECORD, { sessionId: programme.sessions[0].id, memberIds: [attendee.memberId] });
    }
    const last = programmes[0].sessions[programmes[0].sessions.length - 1];
    h.clock.set(new Date(new Date(last.endsAt).getTime() + 2 * HOUR));
    for (const programme of programmes.slice(0, 2)) {
      await h.ok(attendee, REFLECT, {
        id: programme.id,
        input: { answers: [{ questionId: programme.reflectionQuestions[0].id, text: 'Useful' }] },
      });
    }
    await h.ok(attendee, CERTIFICATE, { id: programmes[0].id });
  }, 120000);

  afterAll(async () => {
    await h?.close();
  });

  it("answers the caller's own fields for a page of 4 in as many queries as a page of 1", async () => {
    const page = (n: number) =>
      countQueries(h.subgraph.dataSource, () => h.ok<Page<MineNode>>(attendee, MINE, { n }));
    const one = await page(1);
    const four = await page(4);
    expect(four.result.programmes.edges).toHaveLength(4);
    expect(four.queries.length).toBe(one.queries.length);

    const byId = new Map(four.result.programmes.edges.map((edge) => [edge.node.id, edge.node]));
    programmes.forEach((programme, index) => {
      expect(byId.get(programme.id)).toEqual({
        id: programme.id,
        myApplication: { status: 'ACCEPTED' },
        myAttendance: [programme.sessions[0].id],
        myReflectionSubmitted: index < 2,
        myCertificate: index === 0 ? { id: expect.any(String) } : null,
        myCertificateEligibility: { eligible: true, attended: 1, held: 3 },
      });
    });
    // someone else on the same page sees nothing of the attendee's
    const stranger = await h.ok<Page<MineNode>>(await h.member(), MINE, { n: 4 });
    for (const { node } of stranger.programmes.edges) {
      expect(node).toMatchObject({
        myApplication: null,
        myAttendance: [],
        myReflectionSubmitted: false,
        myCertificate: null,
        myCertificateEligibility: { eligible: false, attended: 0, held: 3 },
      });
    }
  });

  it("answers the organisers' summaries for a page of 4 in as many queries as a page of 1", async () => {
    const page = (n: number) =>
      countQueries(h.subgraph.dataSource, () =>
        h.ok<Page<OrganisedNode>>(h.admin, ORGANISED, { n, community: null }),
      );
    const one = await page(1);
    const four = await page(4);
    expect(four.result.programmes.edges).toHaveLength(4);
    expect(four.queries.length).toBe(one.queries.length);

    const byId = new Map(four.result.programmes.edges.map((edge) => [edge.node.id, edge.node]));
    programmes.forEach((programme, index) => {
      expect(byId.get(programme.id)).toEqual({
        id: programme.id,
        viewerIsOrganiser: true,
        attendanceSummary: {
          attendees: 1,
          histogram: [0, 1, 0, 0],
          sessions: [1, 0, 0].map((attended) => ({ attended })),
        },
        reflectionCounts: { submitted: index < 2 ? 1 : 0, hidden: 0 },
        // three speakers, each a woman: a group of 3 is shown; the other fields were not answered
        speakerDiversity: [
          { field: 'gender', answered: 3, notStated: 0, otherCount: 0 },
          { field: 'ethnicity', answered: 0, notStated: 3, otherCount: 0 },
          { field: 'disability', answered: 0, notStated: 3, otherCount: 0 },
        ],
      });
    });
  });

  it("gives a community's moderator its programmes' summaries in fixed queries and refuses each other programme on its own", async () => {
    const page = (n: number) =>
      countQueries(h.subgraph.dataSource, () =>
        h.ok<Page<OrganisedNode>>(moderator, ORGANISED, { n, community: communityId }),
      );
    // the caller's roles are read once and then kept (PrincipalReads): compare pages once they are
    await page(1);
    const one = await page(1);
    const three = await page(3);
    expect(three.result.programmes.edges.map((edge) => edge.node.viewerIsOrganiser)).toEqual([
      true,
      true,
      true,
    ]);
    expect(three.queries.length).toBe(one.queries.length);

    // the whole list: the programme outside the community is refused, and only it (one field per operation: the
    // first error of a non-null field nulls the page, and GraphQL reports no further error under it)
    const ids = await h.ok<Page<{ id: string }>>(
      moderator,
      `query { programmes(first: 4) { edges { node { id } } } }`,
    );
    const outside = ids.programmes.edges.findIndex((edge) => edge.node.id === programmes[3].id);
    for (const field of [
      'attendanceSummary { attendees }',
      'reflectionCounts { submitted }',
      'speakerDiversity { field }',
    ]) {
      const all = await h.subgraph.execute(
        moderator,
        `query { programmes(first: 4) { edges { node { id ${field} } } } }`,
      );
      expect((all.errors ?? []).map((error) => [error.extensions?.code, error.path?.[2]])).toEqual([
        ['FORBIDDEN', outside],
      ]);
    }
  });
});
