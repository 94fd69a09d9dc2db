import { startCommunityHarness, type CommunityHarness } from '../testing/community-harness';

const CREATE = `mutation($input: CreateCommunityInput!) {
  createCommunity(input: $input) { id name memberCount moderators { id } viewerIsModerator }
}`;
const JOIN = `mutation($id: ID!) { joinCommunity(id: $id) { memberCount viewerIsMember } }`;
const LEAVE = `mutation($id: ID!) { leaveCommunity(id: $id) { memberCount viewerIsMember } }`;
const POST = `mutation($id: ID!, $input: PostAnnouncementInput!) { postAnnouncement(communityId: $id, input: $input) { id title } }`;
const FEED = `query($id: ID!, $first: Int, $after: String) {
  communityAnnouncements(communityId: $id, first: $first, after: $after) { totalCount edges { node { title link author { id } } } pageInfo { hasNextPage endCursor } }
}`;
const MEMBERS = `query($id: ID!, $first: Int, $after: String) {
  communityMembers(communityId: $id, first: $first, after: $after) { totalCount edges { node { displayName careerStage institutionId interests member { id } } } pageInfo { hasNextPage endCursor } }
}`;

const APPOINT = `mutation($id: ID!, $member: ID!) { appointModerator(communityId: $id, memberId: $member) { moderators { id } } }`;
const REMOVE = `mutation($id: ID!, $member: ID!) { removeModerator(communityId: $id, memberId: $member) { moderators { id } } }`;
const CHANGES = `query($id: ID!) {
  communityModeratorChanges(communityId: $id) { totalCount edges { node { change member { id } actor { id } at } } }
}`;

describe('communities of practice through the subgraph', () => {
  let h: CommunityHarness;

  beforeAll(async () => {
    h = await startCommunityHarness('community_communities');
  }, 60000);

  afterAll(async () => {
    await h?.close();
  });

  it('lets only admins create a community, with moderators, and refuses a second one of the same name', async () => {
    const moderator = await h.member('CONSULTANT');
    const data = await h.ok<{ createCommunity: { id: string; moderators: Array<{ id: string }> } }>(
      h.admin,
      CREATE,
      {
        input: {
          name: 'Assessment',
          description: 'Exams',
          interests: ['assessment'],
          moderatorIds: [moderator.memberId],
        },
      },
    );
    expect(data.createCommunity.moderators).toEqual([{ id: moderator.memberId }]);
    const again = await h.subgraph.execute(h.admin, CREATE, { input: { name: '  assessment ' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NAME_TAKEN' });
    const member = await h.member();
    const refused = await h.subgraph.execute(member, CREATE, { input: { name: 'Digital health' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const blank = await h.subgraph.execute(h.admin, CREATE, { input: { name: '   ' } });
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(blank.errors?.[0].extensions)).toContain('input.name');
  });

  it('counts concurrent joins exactly, ignores a repeated join or leave, and lists public profile fields only', async () => {
    const { createCommunity } = await h.ok<{ createCommunity: { id: string } }>(h.admin, CREATE, {
      input: { name: 'Digital health' },
    });
    const id = createCommunity.id;
    const members = await Promise.all(Array.from({ length: 8 }, () => h.member()));
    await Promise.all(members.map((member) => h.ok(member, JOIN, { id })));
    await Promise.all(members.slice(0, 3).map((member) => h.ok(member, JOIN, { id })));
    const left = await h.ok<{ leaveCommunity: { memberCount: number } }>(members[0], LEAVE, { id });
    expect(left.leaveCommunity.memberCount).toBe(7);
    expect(
      (await h.ok<{ leaveCommunity: { memberCount: number } }>(members[0], LEAVE, { id })).leaveCommunity
        .memberCount,
    ).toBe(7);

    const first = await h.ok<{
      communityMembers: {
        totalCount: number;
        edges: Array<{ node: Record<string, unknown> }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(members[1], MEMBERS, { id, first: 5 });
    expect(first.communityMembers.totalCount).toBe(7);
    expect(first.communityMembers.edges).toHaveLength(5);
    expect(Object.keys(first.communityMembers.edges[0].node).sort()).toEqual([
      'careerStage',
      'displayName',
      'institutionId',
      'interests',
      'member',
    ]);
    expect(JSON.stringify(first)).not.toContain('secret specialty');
    const second = await h.ok<typeof first>(members[1], MEMBERS, {
      id,
      first: 5,
      after: first.communityMembers.pageInfo.endCursor,
    });
    expect(second.communityMembers.edges).toHaveLength(2);
    expect(second.communityMembers.pageInfo.hasNextPage).toBe(false);
    const tooMany = await h.subgraph.execute(members[1], MEMBERS, { id, first: 1000 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("shows moderators' announcements to members newest first, paginated, and to nobody outside", async () => {
    const moderator = await h.member('CONSULTANT');
    const { createCommunity } = await h.ok<{ createCommunity: { id: string } }>(h.admin, CREATE, {
      input: { name: 'Simulation', moderatorIds: [moderator.memberId] },
    });
    const id = createCommunity.id;
    const member = await h.member();
    await h.ok(member, JOIN, { id });
    for (let index = 1; index <= 3; index += 1) {
      h.clock.advance(1000);
      await h.ok(moderator, POST, {
        id,
        input: { title: `News ${index}`, body: 'Body', link: index === 3 ? 'https://example.org/x' : null },
      });
    }
    const notModerator = await h.subgraph.execute(member, POST, { id, input: { title: 'Spam', body: 'x' } });
    expect(notModerator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badLink = await h.subgraph.execute(moderator, POST, {
      id,
      input: { title: 'T', body: 'x', link: 'javascript:alert(1)' },
    });
    expect(badLink.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    type Feed = {
      communityAnnouncements: {
        totalCount: number;
        edges: Array<{ node: { title: string; link: string | null } }>;
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    };
    const page1 = await h.ok<Feed>(member, FEED, { id, first: 2 });
    expect(page1.communityAnnouncements.edges.map((edge) => edge.node.title)).toEqual(['News 3', 'News 2']);
    expect(page1.communityAnnouncements.edges[0].node.link).toBe('https://example.org/x');
    const page2 = await h.ok<Feed>(member, FEED, {
      id,
      first: 2,
      after: page1.communityAnnouncements.pageInfo.endCursor,
    });
    expect(page2.communityAnnouncements.edges.map((edge) => edge.node.title)).toEqual(['News 1']);
    const outsider = await h.member();
    const refused = await h.subgraph.execute(outsider, FEED, { id });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // moderators edit in place: same post, same place in the feed; a blank title is refused naming the field
    const EDIT = `mutation($id: ID!, $input: PostAnnouncementInput!) { editAnnouncement(id: $id, input: $input) { id title link } }`;
    const newest = await h.ok<{ communityAnnouncements: { edges: Array<{ node: { id: string } }> } }>(
      member,
      `query($id: ID!) { communityAnnouncements(communityId: $id, first: 1) { edges { node { id } } } }`,
      { id },
    );
    const postId = newest.communityAnnouncements.edges[0].node.id;
    const edited = await h.ok<{ editAnnouncement: { id: string; title: string; link: string | null } }>(
      moderator,
      EDIT,
      { id: postId, input: { title: 'News 3, corrected', body: 'Body' } },
    );
    expect(edited.editAnnouncement).toEqual({ id: postId, title: 'News 3, corrected', link: null });
    const after = await h.ok<Feed>(member, FEED, { id, first: 1 });
    expect(after.communityAnnouncements.edges[0].node.title).toBe('News 3, corrected');
    const blank = await h.subgraph.execute(moderator, EDIT, { id: postId, input: { title: ' ', body: 'x' } });
    expect(JSON.stringify(blank.errors?.[0].extensions)).toContain('input.title');
    const byMember = await h.subgraph.execute(member, EDIT, {
      id: postId,
      input: { title: 'Mine', body: 'x' },
    });
    expect(byMember.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets admins appoint and remove moderators, audits each real change, and the change decides who may post', async () => {
    const first = await h.member('ACADEMIC');
    const { createCommunity } = await h.ok<{ createCommunity: { id: string } }>(h.admin, CREATE, {
      input: { name: 'Moderated simulation', moderatorIds: [first.memberId] },
    });
    const id = createCommunity.id;
    const second = await h.member('CONSULTANT');
    const post = (caller: { memberId: string }) =>
      h.subgraph.execute(caller, POST, { id, input: { title: 'Hello', body: 'Welcome' } });
    expect((await post(second)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const appointed = await h.ok<{ appointModerator: { moderators: Array<{ id: string }> } }>(
      h.admin,
      APPOINT,
      { id, member: second.memberId },
    );
    expect(appointed.appointModerator.moderators.map((m) => m.id).sort()).toEqual(
      [first.memberId, second.memberId].sort(),
    );
    // twice at once: one appointment, one audit entry
    await Promise.all([0, 1].map(() => h.ok(h.admin, APPOINT, { id, member: second.memberId })));
    expect((await post(second)).errors).toBeUndefined();

    const removed = await h.ok<{ removeModerator: { moderators: Array<{ id: string }> } }>(h.admin, REMOVE, {
      id,
      member: first.memberId,
    });
    expect(removed.removeModerator.moderators).toEqual([{ id: second.memberId }]);
    await h.ok(h.admin, REMOVE, { id, member: first.memberId });
    expect((await post(first)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const audit = await h.ok<{
      communityModeratorChanges: {
        totalCount: number;
        edges: Array<{ node: { change: string; member: { id: string }; actor: { id: string } } }>;
      };
    }>(h.admin, CHANGES, { id });
    // newest first: the removal, the appointment, the appointment at creation
    expect(audit.communityModeratorChanges.edges.map(({ node }) => [node.change, node.member.id])).toEqual([
      ['REMOVED', first.memberId],
      ['APPOINTED', second.memberId],
      ['APPOINTED', first.memberId],
    ]);
    expect(
      audit.communityModeratorChanges.edges.every(({ node }) => node.actor.id === h.admin.memberId),
    ).toBe(true);

    // only admins; a moderator cannot appoint others or read the audit
    for (const [document, variables] of [
      [APPOINT, { id, member: first.memberId }],
      [REMOVE, { id, member: second.memberId }],
      [CHANGES, { id }],
    ] as const) {
      const refused = await h.subgraph.execute(second, document, variables);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const unknown = await h.subgraph.execute(h.admin, APPOINT, {
      id,
      member: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(unknown.errors?.[0].extensions)).toContain('memberId');
    const missing = await h.subgraph.execute(h.admin, APPOINT, {
      id: '00000000-0000-4000-8000-000000000000',
      member: second.memberId,
    });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
