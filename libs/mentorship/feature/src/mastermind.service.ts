import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  MentorshipMastermindGroupFormedV1,
  MentorshipMastermindSessionHeldV1,
  normaliseInterestTags,
} from '@praxis/contracts';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  MastermindGroupEntity,
  MastermindNextStepEntity,
  MastermindSessionEntity,
  SessionRatingEntity,
} from '@praxis/mentorship/data-access';
import {
  assertOpenNextStepsWithinBound,
  completeNextStep,
  createNextStep,
  formMastermindGroup,
  MentorshipDomainError,
  MentorshipErrorCode,
  nextStepsForSession,
  rateSession,
  stageMix,
  type MastermindNextStep,
  type StageMix,
} from '@praxis/mentorship/domain';
import { isUniqueViolation, membersByIds } from './mentorship.shared';
import type { Viewer } from './relationships.service';
import { mapNodes, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';

const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface GroupDetails {
  mix: StageMix;
  openNextSteps: MastermindNextStepEntity[];
}

export interface SessionView {
  session: MastermindSessionEntity;
  nextSteps: MastermindNextStepEntity[];
  carriedOver: MastermindNextStepEntity[];
  ratings: SessionRatingEntity[];
}

/** Mastermind groups: peers at mixed stages meeting regularly, ending each session with next steps. */
@Injectable()
export class MastermindService {
  constructor(private readonly dataSource: DataSource) {}

  /** An admin forms any group; a member may form one they facilitate. */
  async createGroup(
    viewer: Viewer,
    input: { name: string; facilitatorId: string; memberIds: string[]; cadenceDays: number; tags?: string[] },
  ): Promise<MastermindGroupEntity> {
    if (!viewer.isAdmin && viewer.memberId !== input.facilitatorId) {
      throw MentorshipDomainError.forbidden('only admins can form a group facilitated by someone else');
    }
    const formed = formMastermindGroup({
      id: 'new',
      facilitatorId: input.facilitatorId,
      memberIds: input.memberIds,
    });
    return this.dataSource.transaction(async (manager) => {
      const everyone = [formed.facilitatorId, ...formed.memberIds];
      const known = await membersByIds(manager, everyone);
      const missing = everyone.filter((id) => !known.has(id));
      if (missing.length > 0) {
        throw MentorshipDomainError.invalid(
          'input.memberIds',
          'known',
          `unknown to mentorship (or not replicated yet; retry in a moment): ${missing.join(', ')}`,
        );
      }
      const group = manager.create(MastermindGroupEntity, {
        name: input.name.trim(),
        facilitatorId: formed.facilitatorId,
        memberIds: [...formed.memberIds],
        cadenceDays: input.cadenceDays,
        tags: normaliseInterestTags(input.tags ?? []),
        createdBy: viewer.memberId,
      });
      const saved = await manager.save(group);
      await appendToOutbox(
        manager,
        MentorshipMastermindGroupFormedV1,
        saved.id,
        {
          groupId: saved.id,
          name: saved.name,
          tags: saved.tags,
          cadenceDays: saved.cadenceDays,
          size: saved.memberIds.length + 1,
          formedAt: saved.createdAt.toISOString(),
        },
        { actorId: viewer.memberId },
      );
      return saved;
    });
  }

  async group(viewer: Viewer, groupId: string): Promise<MastermindGroupEntity> {
    const group = await this.dataSource.getRepository(MastermindGroupEntity).findOneBy({ id: groupId });
    if (!group || !mayReadGroup(group, viewer)) {
      throw MentorshipDomainError.notFound('mastermind group');
    }
    return group;
  }

  async groupsOf(memberId: string, page: PageRequest): Promise<Connection<MastermindGroupEntity>> {
    return paginate(
      this.dataSource
        .getRepository(MastermindGroupEntity)
        .createQueryBuilder('g')
        .where('(g.facilitator_id = :memberId OR :memberId = ANY(g.member_ids))', { memberId }),
      page,
      ['createdAt', 'id'],
    );
  }

  /** Groups with what they show beyond their row, for a reference loader (unknown ids are left out). */
  async groupsWithDetails(
    ids: readonly string[],
  ): Promise<Array<{ group: MastermindGroupEntity; details: GroupDetails }>> {
    const groups = await this.dataSource.getRepository(MastermindGroupEntity).findBy({ id: In([...ids]) });
    const details = await this.detailsOf(groups);
    return groups.map((group) => ({ group, details: details(group) }));
  }

  /**
   * Sessions as their group's members see them, with their group (whose members may see them), for a
   * reference loader: four queries whatever the number of sessions (unknown ids are left out).
   */
  async sessionsByIds(
    ids: readonly string[],
  ): Promise<Array<{ group: MastermindGroupEntity; view: SessionView }>> {
    const manager = this.dataSource.manager;
    const sessions = await manager.findBy(MastermindSessionEntity, { id: In([...ids]) });
    if (sessions.length === 0) return [];
    const [groups, views] = await Promise.all([
      manager.findBy(MastermindGroupEntity, { id: In(sessions.map((session) => session.groupId)) }),
      this.sessionViews(manager, sessions),
    ]);
    return sessions.flatMap((session) => {
      const group = groups.find((candidate) => candidate.id === session.groupId);
      return group ? [{ group, view: views(session) }] : [];
    });
  }

  /**
   * What a group shows beyond its row (its stage mix and its open next steps), loaded for a whole page of
   * groups in two queries whatever its size; the result answers for any of those groups.
   */
  async detailsOf(
    groups: readonly MastermindGroupEntity[],
  ): Promise<(group: MastermindGroupEntity) => GroupDetails> {
    const [members, open] = await Promise.all([
      membersByIds(
        this.dataSource.manager,
        groups.flatMap((group) => [group.facilitatorId, ...group.memberIds]),
      ),
      groups.length === 0
        ? Promise.resolve([])
        : this.dataSource
            .getRepository(MastermindNextStepEntity)
            .createQueryBuilder('s')
            .where('s.group_id IN (:...groupIds) AND s.done_at IS NULL', {
              groupIds: groups.map((group) => group.id),
            })
            .orderBy('s.set_at', 'ASC')
            .addOrderBy('s.id', 'ASC')
            .getMany(),
    ]);
    return (group) => ({
      mix: stageMix(
        [group.facilitatorId, ...group.memberIds].flatMap((id) => {
          const member = members.get(id);
          return member ? [{ careerStage: member.careerStage }] : [];
        }),
      ),
      openNextSteps: open.filter((step) => step.groupId === group.id),
    });
  }

  /** The facilitator (or an admin) records a session; next steps set here reappear until reported done. */
  async recordSession(
    viewer: Viewer,
    groupId: string,
    input: {
      heldAt: Date;
      attendeeIds: string[];
      resources: string[];
      referrals: string[];
      nextSteps: Array<{ memberId: string; text: string }>;
    },
  ): Promise<SessionView> {
    if (input.heldAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw MentorshipDomainError.invalid('input.heldAt', 'notFuture', 'must not be in the future');
    }
    const sessionId = await this.dataSource.transaction(async (manager) => {
      const group = await manager
        .getRepository(MastermindGroupEntity)
        .createQueryBuilder('g')
        .setLock('pessimistic_write')
        .where('g.id = :id', { id: groupId })
        .getOne();
      if (!group || !mayReadGroup(group, viewer)) {
        throw MentorshipDomainError.notFound('mastermind group');
      }
      if (!viewer.isAdmin && group.facilitatorId !== viewer.memberId) {
        throw MentorshipDomainError.forbidden('only the facilitator records sessions');
      }
      const attendeeIds = [...new Set(input.attendeeIds)];
      const outsiders = attendeeIds.filter((id) => !inGroup(group, id));
      if (outsiders.length > 0) {
        throw new MentorshipDomainError(
          MentorshipErrorCode.NOT_GROUP_MEMBER,
          `attendeeIds: not in this group: ${outsiders.join(', ')}`,
        );
      }
      // the group row is locked, so no other session of this group counts its open steps meanwhile
      const open = await manager.find(MastermindNextStepEntity, {
        where: { groupId, doneAt: IsNull() },
        select: { memberId: true },
      });
      assertOpenNextStepsWithinBound(
        open.map((step) => step.memberId),
        input.nextSteps,
      );
      const session = manager.create(MastermindSessionEntity, {
        groupId,
        heldAt: input.heldAt,
        attendeeIds,
        resources: input.resources.map((r) => r.trim()),
        referrals: input.referrals.map((r) => r.trim()),
      });
      await manager.save(session);
      const domainGroup = { id: group.id, facilitatorId: group.facilitatorId, memberIds: group.memberIds };
      const steps = input.nextSteps.map((step) => {
        const made = createNextStep(domainGroup, {
          id: 'new',
          memberId: step.memberId,
          text: step.text,
          setAt: input.heldAt,
        });
        return manager.create(MastermindNextStepEntity, {
          groupId,
          sessionId: session.id,
          memberId: made.memberId,
          text: made.text,
          setAt: made.setAt,
          doneAt: null,
        });
      });
      if (steps.length > 0) await manager.save(steps);
      await appendToOutbox(
        manager,
        MentorshipMastermindSessionHeldV1,
        groupId,
        {
          sessionId: session.id,
          groupId,
          heldAt: input.heldAt.toISOString(),
          attendeeIds,
          resourceCount: session.resources.length,
          referralCount: session.referrals.length,
          nextStepCount: steps.length,
        },
        { actorId: viewer.memberId },
      );
      return session.id;
    });
    return this.sessionView(this.dataSource.manager, sessionId);
  }

  /** Most recently held first. */
  async sessionsOf(viewer: Viewer, groupId: string, page: PageRequest): Promise<Connection<SessionView>> {
    await this.group(viewer, groupId);
    const sessions = await paginate(
      this.dataSource
        .getRepository(MastermindSessionEntity)
        .createQueryBuilder('s')
        .where('s.group_id = :groupId', { groupId }),
      page,
      ['heldAt', 'id'],
    );
    const views = await this.sessionViews(
      this.dataSource.manager,
      sessions.edges.map((edge) => edge.node),
    );
    return mapNodes(sessions, views);
  }

  /** Only the step's owner reports it done. */
  async reportNextStepDone(memberId: string, stepId: string): Promise<MastermindNextStepEntity> {
    return this.dataSource.transaction(async (manager) => {
      const step = await manager.findOneBy(MastermindNextStepEntity, { id: stepId });
      if (!step) throw MentorshipDomainError.notFound('next step');
      const done = completeNextStep(toDomainStep(step), memberId, new Date());
      step.doneAt = done.doneAt;
      return manager.save(step);
    });
  }

  async rate(memberId: string, sessionId: string, rating: number): Promise<SessionView> {
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOneBy(MastermindSessionEntity, { id: sessionId });
      if (!session) throw MentorshipDomainError.notFound('session');
      const ratings = await manager.findBy(SessionRatingEntity, { sessionId });
      rateSession(
        {
          id: session.id,
          groupId: session.groupId,
          startsAt: session.heldAt,
          attendeeIds: session.attendeeIds,
          ratings: ratings.map((r) => ({ memberId: r.memberId, rating: r.rating, ratedAt: r.ratedAt })),
        },
        memberId,
        rating,
        new Date(),
      );
      try {
        await manager.insert(SessionRatingEntity, { sessionId, memberId, rating });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new MentorshipDomainError(
            MentorshipErrorCode.SESSION_ALREADY_RATED,
            'memberId: you have already rated this session',
          );
        }
        throw error;
      }
    });
    return this.sessionView(this.dataSource.manager, sessionId);
  }

  private async sessionView(manager: EntityManager, sessionId: string): Promise<SessionView> {
    const session = await manager.findOneByOrFail(MastermindSessionEntity, { id: sessionId });
    return (await this.sessionViews(manager, [session]))(session);
  }

  /**
   * The views of sessions, from one query for their groups' next steps and one for their ratings; the result
   * answers for any of those sessions.
   */
  private async sessionViews(
    manager: EntityManager,
    sessions: readonly MastermindSessionEntity[],
  ): Promise<(session: MastermindSessionEntity) => SessionView> {
    const [steps, ratings] =
      sessions.length === 0
        ? [[], []]
        : await Promise.all([
            manager.find(MastermindNextStepEntity, {
              where: { groupId: In(sessions.map((session) => session.groupId)) },
              order: { setAt: 'ASC' },
            }),
            manager.findBy(SessionRatingEntity, { sessionId: In(sessions.map((session) => session.id)) }),
          ]);
    return (session) => {
      const ofGroup = steps.filter((step) => step.groupId === session.groupId);
      const carried = new Set(
        nextStepsForSession(ofGroup.map(toDomainStep), session.heldAt).map((step) => step.id),
      );
      return {
        session,
        nextSteps: ofGroup.filter((step) => step.sessionId === session.id),
        carriedOver: ofGroup.filter((step) => carried.has(step.id) && step.sessionId !== session.id),
        ratings: ratings.filter((rating) => rating.sessionId === session.id),
      };
    };
  }
}

/** A group's members (facilitator included) and admins read it and its sessions. */
export function mayReadGroup(group: MastermindGroupEntity, viewer: Viewer): boolean {
  return viewer.isAdmin || inGroup(group, viewer.memberId);
}

export function inGroup(group: MastermindGroupEntity, memberId: string): boolean {
  return group.facilitatorId === memberId || group.memberIds.includes(memberId);
}

function toDomainStep(step: MastermindNextStepEntity): MastermindNextStep {
  return {
    id: step.id,
    groupId: step.groupId,
    memberId: step.memberId,
    text: step.text,
    setAt: step.setAt,
    doneAt: step.doneAt,
  };
}
