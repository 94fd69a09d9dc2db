import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CommunityCreatedV1, CommunityMemberJoinedV1, CommunityMemberLeftV1 } from '@praxis/contracts';
import { mapNodes, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { appendToOutbox } from '@praxis/platform/messaging';
import { memberReplica, type MemberReplicaEntity } from '@praxis/platform/member-replica';
import {
  CommunityAnnouncementEntity,
  CommunityEntity,
  CommunityMembershipEntity,
  CommunityModeratorChangeEntity,
  CommunityModeratorEntity,
  type ModeratorChange,
} from '@praxis/community/data-access';
import { COMMUNITY_OPTIONS, type CommunityOptions } from '../community.options';
import { isModerator, participantOf, requireMember, type Viewer } from '../shared/access';
import { cleanTerms } from '../shared/terms';
import { CommunityDomainError, CommunityErrorCode } from '@praxis/community/domain';

export interface CommunityView {
  community: CommunityEntity;
  moderatorIds: string[];
  viewerIsMember: boolean;
  viewerIsModerator: boolean;
}

export interface CommunityMemberView {
  member: MemberReplicaEntity;
  joinedAt: Date;
}

function announcementText(input: { title: string; body: string; link?: string | null }) {
  return { title: input.title.trim(), body: input.body.trim(), link: input.link?.trim() || null };
}

/** Communities of practice: interest groups that members join and moderators post to. */
@Injectable()
export class CommunitiesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(COMMUNITY_OPTIONS) private readonly options: CommunityOptions,
  ) {}

  async create(
    viewer: Viewer,
    input: { name: string; description: string; interests: string[]; moderatorIds: string[] },
  ): Promise<CommunityView> {
    if (!viewer.isAdmin) throw CommunityDomainError.forbidden('only admins create communities');
    const moderatorIds = [...new Set(input.moderatorIds.map((id) => id.toLowerCase()))];
    return this.dataSource.transaction(async (manager) => {
      const known = await memberReplica(manager).profiles(moderatorIds);
      const unknown = moderatorIds.findIndex((id) => !known.has(id));
      if (unknown >= 0) {
        throw CommunityDomainError.invalid(
          `input.moderatorIds[${unknown}]`,
          'exists',
          'is not a member known to the community service',
        );
      }
      const name = input.name.trim().replace(/\s+/g, ' ');
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO community (name, description, interests, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [name, input.description.trim(), cleanTerms(input.interests), viewer.memberId],
      );
      if (inserted.length === 0) {
        throw new CommunityDomainError(
          CommunityErrorCode.NAME_TAKEN,
          `input.name: a community called "${name}" already exists`,
          {
            fields: [
              { field: 'input.name', rule: 'unique', message: 'a community with this name already exists' },
            ],
          },
        );
      }
      const community = await manager.findOneByOrFail(CommunityEntity, { id: inserted[0].id });
      if (moderatorIds.length > 0) {
        await manager.insert(
          CommunityModeratorEntity,
          moderatorIds.map((memberId) => ({ communityId: community.id, memberId })),
        );
        const at = this.options.clock.now();
        await manager.insert(
          CommunityModeratorChangeEntity,
          moderatorIds.map((memberId) => ({
            communityId: community.id,
            memberId,
            change: 'APPOINTED' as const,
            actorId: viewer.memberId,
            at,
          })),
        );
      }
      await appendToOutbox(manager, CommunityCreatedV1, community.id, {
        communityId: community.id,
        name: community.name,
        interests: community.interests,
        moderatorIds,
        createdAt: community.createdAt.toISOString(),
      });
      return {
        community,
        moderatorIds,
        viewerIsMember: false,
        viewerIsModerator: moderatorIds.includes(viewer.memberId),
      };
    });
  }

  /**
   * Admins appoint a known member as a moderator of a community, or remove one, under the community's row lock.
   * Each real change is audited (who, by whom, when); appointing a moderator again or removing someone who is
   * not one changes nothing and records nothing.
   */
  async changeModerator(
    viewer: Viewer,
    communityId: string,
    memberId: string,
    change: ModeratorChange,
  ): Promise<CommunityView> {
    if (!viewer.isAdmin) throw CommunityDomainError.forbidden('only admins appoint and remove moderators');
    const member = memberId.toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, communityId);
      if (change === 'APPOINTED' && !(await memberReplica(manager).profiles([member])).has(member)) {
        throw CommunityDomainError.invalid(
          'memberId',
          'exists',
          'is not a member known to the community service',
        );
      }
      const changed: unknown[] =
        change === 'APPOINTED'
          ? await manager.query(
              `INSERT INTO community_moderator (community_id, member_id) VALUES ($1, $2)
               ON CONFLICT DO NOTHING RETURNING member_id`,
              [communityId, member],
            )
          : (
              await manager.query(
                `DELETE FROM community_moderator WHERE community_id = $1 AND member_id = $2 RETURNING member_id`,
                [communityId, member],
              )
            )[0];
      if (changed.length > 0) {
        await manager.insert(CommunityModeratorChangeEntity, {
          communityId,
          memberId: member,
          change,
          actorId: viewer.memberId,
          at: this.options.clock.now(),
        });
      }
      const community = await manager.findOneByOrFail(CommunityEntity, { id: communityId });
      return (await this.views(manager, viewer, [community]))[0];
    });
  }

  /** The moderator audit of one community, newest first; admins only. */
  async moderatorChanges(
    viewer: Viewer,
    communityId: string,
    page: PageRequest,
  ): Promise<Connection<CommunityModeratorChangeEntity>> {
    if (!viewer.isAdmin) throw CommunityDomainError.forbidden('only admins read the moderator audit');
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(CommunityEntity, { id: communityId })))
      throw CommunityDomainError.notFound('community');
    return paginate(
      manager
        .getRepository(CommunityModeratorChangeEntity)
        .createQueryBuilder('c')
        .where('c.community_id = :communityId', { communityId }),
      page,
      ['at', 'id'],
    );
  }

  async get(viewer: Viewer, id: string): Promise<CommunityView> {
    const community = await this.dataSource.manager.findOneBy(CommunityEntity, { id });
    if (!community) throw CommunityDomainError.notFound('community');
    return (await this.views(this.dataSource.manager, viewer, [community]))[0];
  }

  async list(viewer: Viewer, page: PageRequest): Promise<Connection<CommunityView>> {
    const manager = this.dataSource.manager;
    const found = await paginate(
      manager.getRepository(CommunityEntity).createQueryBuilder('c'),
      page,
      ['name', 'id'],
      'ASC',
    );
    const views = await this.views(
      manager,
      viewer,
      found.edges.map((edge) => edge.node),
    );
    const byId = new Map(views.map((view) => [view.community.id, view]));
    return mapNodes(found, (community) => byId.get(community.id) as CommunityView);
  }

  /**
   * Joining is one INSERT … ON CONFLICT and the count moves in the same statement's transaction, so a double
   * click or two devices joining at once leave one membership and an exact count.
   */
  async join(viewer: Viewer, communityId: string): Promise<CommunityView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await requireMember(manager, viewer.memberId);
      await this.lock(manager, communityId);
      const now = this.options.clock.now();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO community_membership (community_id, member_id, joined_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING member_id`,
        [communityId, viewer.memberId, now],
      );
      if (inserted.length === 1) {
        const [rows]: [Array<{ member_count: number }>, number] = await manager.query(
          `UPDATE community SET member_count = member_count + 1 WHERE id = $1 RETURNING member_count`,
          [communityId],
        );
        await appendToOutbox(manager, CommunityMemberJoinedV1, communityId, {
          ...participantOf(member),
          communityId,
          joinedAt: now.toISOString(),
          memberCount: rows[0].member_count,
        });
      }
      const community = await manager.findOneByOrFail(CommunityEntity, { id: communityId });
      return (await this.views(manager, viewer, [community]))[0];
    });
  }

  async leave(viewer: Viewer, communityId: string): Promise<CommunityView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, communityId);
      const deleted: [unknown[], number] = await manager.query(
        `DELETE FROM community_membership WHERE community_id = $1 AND member_id = $2 RETURNING member_id`,
        [communityId, viewer.memberId],
      );
      if (deleted[1] === 1) {
        const [rows]: [Array<{ member_count: number }>, number] = await manager.query(
          `UPDATE community SET member_count = GREATEST(member_count - 1, 0) WHERE id = $1 RETURNING member_count`,
          [communityId],
        );
        const member = await memberReplica(manager).profile(viewer.memberId);
        if (member) {
          await appendToOutbox(manager, CommunityMemberLeftV1, communityId, {
            ...participantOf(member),
            communityId,
            leftAt: this.options.clock.now().toISOString(),
            memberCount: rows[0].member_count,
          });
        }
      }
      const community = await manager.findOneByOrFail(CommunityEntity, { id: communityId });
      return (await this.views(manager, viewer, [community]))[0];
    });
  }

  /** Members with their public profile, in joining order. Any signed-in member may see who belongs. */
  async members(communityId: string, page: PageRequest): Promise<Connection<CommunityMemberView>> {
    const manager = this.dataSource.manager;
    const found = await paginate(
      manager
        .getRepository(CommunityMembershipEntity)
        .createQueryBuilder('m')
        .where('m.community_id = :communityId', { communityId }),
      page,
      ['joinedAt', 'memberId'],
      'ASC',
    );
    const profiles = await memberReplica(manager).profiles(found.edges.map((edge) => edge.node.memberId));
    // a member always has a replica row before joining; the filter only guards the type
    return {
      ...found,
      edges: found.edges.flatMap((edge) => {
        const member = profiles.get(edge.node.memberId);
        return member ? [{ cursor: edge.cursor, node: { member, joinedAt: edge.node.joinedAt } }] : [];
      }),
    };
  }

  async post(
    viewer: Viewer,
    communityId: string,
    input: { title: string; body: string; link?: string | null },
  ): Promise<CommunityAnnouncementEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, communityId);
      if (!viewer.isAdmin && !(await isModerator(manager, communityId, viewer.memberId))) {
        throw CommunityDomainError.forbidden("only the community's moderators post announcements");
      }
      return manager.save(
        manager.create(CommunityAnnouncementEntity, {
          communityId,
          authorId: viewer.memberId,
          ...announcementText(input),
          postedAt: this.options.clock.now(),
        }),
      );
    });
  }

  /**
   * Replaces an announcement's title, body and link; the community's moderators (not only its author) and admins
   * may, since the feed is theirs. The row is locked, so two edits at once apply one after the other.
   */
  async editAnnouncement(
    viewer: Viewer,
    announcementId: string,
    input: { title: string; body: string; link?: string | null },
  ): Promise<CommunityAnnouncementEntity> {
    return this.dataSource.transaction(async (manager) => {
      const announcement = await manager.findOne(CommunityAnnouncementEntity, {
        where: { id: announcementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!announcement) throw CommunityDomainError.notFound('announcement');
      if (!viewer.isAdmin && !(await isModerator(manager, announcement.communityId, viewer.memberId))) {
        throw CommunityDomainError.forbidden("only the community's moderators edit announcements");
      }
      return manager.save(Object.assign(announcement, announcementText(input)));
    });
  }

  /** The feed, newest first; for the community's members, its moderators and admins. */
  async announcements(
    viewer: Viewer,
    communityId: string,
    page: PageRequest,
  ): Promise<Connection<CommunityAnnouncementEntity>> {
    const manager = this.dataSource.manager;
    const allowed =
      viewer.isAdmin ||
      (await manager.countBy(CommunityMembershipEntity, { communityId, memberId: viewer.memberId })) > 0 ||
      (await isModerator(manager, communityId, viewer.memberId));
    if (!allowed) throw CommunityDomainError.forbidden('join the community to read its announcements');
    return paginate(
      manager
        .getRepository(CommunityAnnouncementEntity)
        .createQueryBuilder('a')
        .where('a.community_id = :communityId', { communityId }),
      page,
      ['postedAt', 'id'],
    );
  }

  private async lock(manager: EntityManager, communityId: string): Promise<void> {
    const rows: unknown[] = await manager.query(`SELECT id FROM community WHERE id = $1 FOR UPDATE`, [
      communityId,
    ]);
    if (rows.length === 0) throw CommunityDomainError.notFound('community');
  }

  private async views(
    manager: EntityManager,
    viewer: Viewer,
    communities: CommunityEntity[],
  ): Promise<CommunityView[]> {
    if (communities.length === 0) return [];
    const ids = communities.map((community) => community.id);
    // one after the other: the manager may be a transaction's, whose one connection runs one statement at a time
    const moderators = await manager
      .getRepository(CommunityModeratorEntity)
      .createQueryBuilder('m')
      .where('m.community_id IN (:...ids)', { ids })
      .orderBy('m.member_id')
      .getMany();
    const memberships = await manager
      .getRepository(CommunityMembershipEntity)
      .createQueryBuilder('m')
      .where('m.community_id IN (:...ids) AND m.member_id = :memberId', { ids, memberId: viewer.memberId })
      .getMany();
    const joined = new Set(memberships.map((row) => row.communityId));
    return communities.map((community) => {
      const moderatorIds = moderators
        .filter((row) => row.communityId === community.id)
        .map((row) => row.memberId);
      return {
        community,
        moderatorIds,
        viewerIsMember: joined.has(community.id),
        viewerIsModerator: moderatorIds.includes(viewer.memberId),
      };
    });
  }
}
