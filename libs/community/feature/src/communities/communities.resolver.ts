import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { IdArg, type Connection, AfterArg, FirstArg, mapNodes } from '@praxis/platform/graphql';
import type {
  CommunityAnnouncementEntity,
  CommunityModeratorChangeEntity,
} from '@praxis/community/data-access';
import { memberRef } from '../shared/objects';
import { viewerOf } from '../shared/access';
import { CommunitiesService, type CommunityMemberView, type CommunityView } from './communities.service';
import {
  AnnouncementConnection,
  AnnouncementObject,
  CommunityConnection,
  CommunityMemberConnection,
  CommunityMemberObject,
  CommunityObject,
  CreateCommunityInput,
  ModeratorChangeConnection,
  ModeratorChangeEnum,
  ModeratorChangeObject,
  PostAnnouncementInput,
} from './community.objects';

export function toCommunityObject(view: CommunityView): CommunityObject {
  return {
    id: view.community.id,
    name: view.community.name,
    description: view.community.description,
    interests: view.community.interests,
    moderators: view.moderatorIds.map(memberRef),
    memberCount: view.community.memberCount,
    createdAt: view.community.createdAt,
    viewerIsMember: view.viewerIsMember,
    viewerIsModerator: view.viewerIsModerator,
  };
}

function toMemberObject(view: CommunityMemberView): CommunityMemberObject {
  return {
    member: memberRef(view.member.memberId),
    displayName: view.member.displayName,
    careerStage: view.member.careerStage,
    institutionId: view.member.institutionId,
    interests: view.member.interests,
    joinedAt: view.joinedAt,
  };
}

function toAnnouncementObject(row: CommunityAnnouncementEntity): AnnouncementObject {
  return {
    id: row.id,
    communityId: row.communityId,
    author: memberRef(row.authorId),
    title: row.title,
    body: row.body,
    link: row.link,
    postedAt: row.postedAt,
  };
}

function toModeratorChangeObject(row: CommunityModeratorChangeEntity): ModeratorChangeObject {
  return {
    id: row.id,
    communityId: row.communityId,
    member: memberRef(row.memberId),
    change: ModeratorChangeEnum[row.change],
    actor: memberRef(row.actorId),
    at: row.at,
  };
}

@Resolver(() => CommunityObject)
export class CommunitiesResolver {
  constructor(private readonly communitiesService: CommunitiesService) {}

  @Roles('admin')
  @Mutation(() => CommunityObject, { description: 'A named interest group with moderators (admins only)' })
  async createCommunity(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateCommunityInput,
  ): Promise<CommunityObject> {
    return toCommunityObject(await this.communitiesService.create(viewerOf(principal), input));
  }

  @Query(() => CommunityConnection, { description: 'Every community, by name' })
  async communities(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<CommunityObject>> {
    return mapNodes(
      await this.communitiesService.list(viewerOf(principal), { size: first, after }),
      toCommunityObject,
    );
  }

  @Query(() => CommunityObject)
  async community(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<CommunityObject> {
    return toCommunityObject(await this.communitiesService.get(viewerOf(principal), id));
  }

  @Mutation(() => CommunityObject, { description: 'Join a community (joining twice changes nothing)' })
  async joinCommunity(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<CommunityObject> {
    return toCommunityObject(await this.communitiesService.join(viewerOf(principal), id));
  }

  @Mutation(() => CommunityObject, { description: 'Leave a community (leaving twice changes nothing)' })
  async leaveCommunity(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<CommunityObject> {
    return toCommunityObject(await this.communitiesService.leave(viewerOf(principal), id));
  }

  @Mutation(() => AnnouncementObject, { description: "A moderator's post to the community's feed" })
  async postAnnouncement(
    @CurrentPrincipal() principal: Principal,
    @IdArg('communityId') communityId: string,
    @Args('input') input: PostAnnouncementInput,
  ): Promise<AnnouncementObject> {
    return toAnnouncementObject(await this.communitiesService.post(viewerOf(principal), communityId, input));
  }

  @Mutation(() => AnnouncementObject, {
    description: "Replace an announcement's title, body and link (the community's moderators and admins)",
  })
  async editAnnouncement(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('input') input: PostAnnouncementInput,
  ): Promise<AnnouncementObject> {
    return toAnnouncementObject(
      await this.communitiesService.editAnnouncement(viewerOf(principal), id, input),
    );
  }

  @Query(() => CommunityMemberConnection, {
    description: "A community's members in joining order, public profile fields only",
  })
  async communityMembers(
    @IdArg('communityId') communityId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<CommunityMemberObject>> {
    return mapNodes(
      await this.communitiesService.members(communityId, { size: first, after }),
      toMemberObject,
    );
  }

  @Query(() => AnnouncementConnection, {
    description: "A community's announcements, newest first; for its members, moderators and admins",
  })
  async communityAnnouncements(
    @CurrentPrincipal() principal: Principal,
    @IdArg('communityId') communityId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<AnnouncementObject>> {
    return mapNodes(
      await this.communitiesService.announcements(viewerOf(principal), communityId, { size: first, after }),
      toAnnouncementObject,
    );
  }

  @Roles('admin')
  @Mutation(() => CommunityObject, {
    description:
      'Make a member a moderator of a community (admins only; audited, appointing twice changes nothing)',
  })
  async appointModerator(
    @CurrentPrincipal() principal: Principal,
    @IdArg('communityId') communityId: string,
    @IdArg('memberId') memberId: string,
  ): Promise<CommunityObject> {
    return toCommunityObject(
      await this.communitiesService.changeModerator(viewerOf(principal), communityId, memberId, 'APPOINTED'),
    );
  }

  @Roles('admin')
  @Mutation(() => CommunityObject, {
    description:
      'Remove a moderator of a community (admins only; audited, removing a non-moderator changes nothing)',
  })
  async removeModerator(
    @CurrentPrincipal() principal: Principal,
    @IdArg('communityId') communityId: string,
    @IdArg('memberId') memberId: string,
  ): Promise<CommunityObject> {
    return toCommunityObject(
      await this.communitiesService.changeModerator(viewerOf(principal), communityId, memberId, 'REMOVED'),
    );
  }

  @Roles('admin')
  @Query(() => ModeratorChangeConnection, {
    description: "A community's moderator appointments and removals, newest first (admins only)",
  })
  async communityModeratorChanges(
    @CurrentPrincipal() principal: Principal,
    @IdArg('communityId') communityId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<ModeratorChangeObject>> {
    return mapNodes(
      await this.communitiesService.moderatorChanges(viewerOf(principal), communityId, {
        size: first,
        after,
      }),
      toModeratorChangeObject,
    );
  }
}
