import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CareerStage } from '@praxis/contracts';
import { MentorshipWorkshopHeldV1 } from '@praxis/contracts';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  ActionPlanEntity,
  CoachingRequestEntity,
  CoachingWorkshopEntity,
  WorkshopEnrolmentEntity,
} from '@praxis/mentorship/data-access';
import {
  actionPlanProgress,
  createActionPlan,
  enrolInWorkshop,
  MentorshipDomainError,
  MentorshipErrorCode,
  planCoachingWorkshop,
  withdrawFromWorkshop,
  type ActionPlan,
  type CoachingWorkshop,
} from '@praxis/mentorship/domain';
import { requireMember } from './mentorship.shared';
import type { Viewer } from './relationships.service';
import { paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';

export interface EnrolmentView {
  workshopId: string;
  memberId: string;
  status: 'ENROLLED' | 'WAITLISTED';
  waitlistPosition: number | null;
}

/** Near-peer coaching workshops: a junior resident coaches up to five students; the rest wait in line. */
@Injectable()
export class WorkshopsService {
  constructor(private readonly dataSource: DataSource) {}

  async createWorkshop(
    viewer: Viewer,
    input: {
      coachId?: string | null;
      coachGraduationYear: number;
      title: string;
      startsAt: Date;
      durationMinutes: number;
      capacity: number;
      eligibleStages: CareerStage[];
    },
  ): Promise<CoachingWorkshopEntity> {
    const coachId = input.coachId ?? viewer.memberId;
    if (coachId !== viewer.memberId && !viewer.isAdmin) {
      throw MentorshipDomainError.forbidden('only admins can schedule a workshop for another coach');
    }
    return this.dataSource.transaction(async (manager) => {
      const coach = await requireMember(manager, coachId, coachId === viewer.memberId ? 'your' : 'coach');
      const planned = planCoachingWorkshop(
        {
          id: 'new',
          coach: {
            memberId: coachId,
            careerStage: coach.careerStage,
            graduationYear: input.coachGraduationYear,
          },
          title: input.title,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          capacity: input.capacity,
          eligibleStages: input.eligibleStages,
        },
        new Date(),
      );
      return manager.save(
        manager.create(CoachingWorkshopEntity, {
          coachId,
          title: planned.title,
          startsAt: planned.startsAt,
          durationMinutes: planned.durationMinutes,
          capacity: planned.capacity,
          waitlistLimit: planned.waitlistLimit,
          eligibleStages: [...planned.eligibleStages],
        }),
      );
    });
  }

  async workshop(workshopId: string): Promise<CoachingWorkshopEntity> {
    const workshop = await this.dataSource
      .getRepository(CoachingWorkshopEntity)
      .findOneBy({ id: workshopId });
    if (!workshop) throw MentorshipDomainError.notFound('workshop');
    return workshop;
  }

  /** Workshops with their enrolments, two queries whatever the number (unknown ids are left out). */
  async workshopsWithEnrolments(
    ids: readonly string[],
  ): Promise<Array<{ workshop: CoachingWorkshopEntity; enrolments: EnrolmentView[] }>> {
    const workshops = await this.dataSource
      .getRepository(CoachingWorkshopEntity)
      .findBy({ id: In([...ids]) });
    const enrolments = await this.enrolmentsOfMany(workshops.map((workshop) => workshop.id));
    return workshops.map((workshop) => ({ workshop, enrolments: enrolments.get(workshop.id) ?? [] }));
  }

  /** Soonest first: the one list ordered by what comes next rather than by what is newest. */
  upcoming(page: PageRequest): Promise<Connection<CoachingWorkshopEntity>> {
    return paginate(
      this.dataSource
        .getRepository(CoachingWorkshopEntity)
        .createQueryBuilder('w')
        .where('w.starts_at > now()'),
      page,
      ['startsAt', 'id'],
      'ASC',
    );
  }

  /** The enrolments of every workshop of a page, in one query (waitlist positions per workshop). */
  async enrolmentsOfMany(workshopIds: readonly string[]): Promise<Map<string, EnrolmentView[]>> {
    const rows = workshopIds.length
      ? await this.dataSource
          .getRepository(WorkshopEnrolmentEntity)
          .find({ where: { workshopId: In([...workshopIds]) }, order: { enrolledAt: 'ASC' } })
      : [];
    return new Map(
      workshopIds.map((id) => [id, enrolmentViews(rows.filter((row) => row.workshopId === id))]),
    );
  }

  async enrolments(workshopId: string): Promise<EnrolmentView[]> {
    return enrolmentViews(
      await this.dataSource
        .getRepository(WorkshopEnrolmentEntity)
        .find({ where: { workshopId }, order: { enrolledAt: 'ASC' } }),
    );
  }

  /**
   * The workshop row is locked for the whole decision, so concurrent enrolments are decided one at a time and
   * the enrolled count can never pass the capacity.
   */
  async enrol(memberId: string, workshopId: string): Promise<EnrolmentView> {
    return this.dataSource.transaction(async (manager) => {
      const student = await requireMember(manager, memberId);
      const { entity, workshop } = await this.lockWorkshop(manager, workshopId);
      const outcome = enrolInWorkshop(workshop, { memberId, careerStage: student.careerStage }, new Date());
      await manager.insert(WorkshopEnrolmentEntity, {
        workshopId: entity.id,
        memberId,
        status: outcome.outcome,
      });
      return {
        workshopId,
        memberId,
        status: outcome.outcome,
        waitlistPosition: outcome.waitlistPosition,
      };
    });
  }

  /** Leaving before the start frees a place for the first on the waitlist; after it, see withdrawFromWorkshop. */
  async withdraw(memberId: string, workshopId: string): Promise<EnrolmentView | null> {
    return this.dataSource.transaction(async (manager) => {
      const { workshop } = await this.lockWorkshop(manager, workshopId);
      const { promotedMemberId } = withdrawFromWorkshop(workshop, memberId, new Date());
      await manager.delete(WorkshopEnrolmentEntity, { workshopId, memberId });
      if (promotedMemberId) {
        await manager.update(
          WorkshopEnrolmentEntity,
          { workshopId, memberId: promotedMemberId },
          { status: 'ENROLLED' },
        );
        return {
          workshopId,
          memberId: promotedMemberId,
          status: 'ENROLLED' as const,
          waitlistPosition: null,
        };
      }
      return null;
    });
  }

  /** The coach marks the workshop held once it has started; the enrolled students are its attendees. */
  async markHeld(viewer: Viewer, workshopId: string): Promise<CoachingWorkshopEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { entity, workshop } = await this.lockWorkshop(manager, workshopId);
      if (entity.coachId !== viewer.memberId && !viewer.isAdmin) {
        throw MentorshipDomainError.forbidden('only the coach marks the workshop held');
      }
      if (entity.heldAt) throw MentorshipDomainError.state('this workshop was already marked held');
      const now = new Date();
      if (now.getTime() < entity.startsAt.getTime()) {
        throw MentorshipDomainError.state('a workshop can be marked held once it has started');
      }
      entity.heldAt = now;
      await manager.save(entity);
      await appendToOutbox(
        manager,
        MentorshipWorkshopHeldV1,
        entity.id,
        {
          workshopId: entity.id,
          coachId: entity.coachId,
          heldAt: now.toISOString(),
          attendeeIds: [...workshop.enrolledIds],
          capacity: entity.capacity,
          waitlisted: workshop.waitlistIds.length,
        },
        { actorId: viewer.memberId },
      );
      return entity;
    });
  }

  /** Each enrolled student writes their own plan: objectives and dated actions. */
  async setActionPlan(
    memberId: string,
    workshopId: string,
    input: { objectives: string[]; actions: Array<{ text: string; dueDate: Date; done: boolean }> },
  ): Promise<ActionPlanEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireEnrolled(manager, workshopId, memberId);
      const plan = createActionPlan(
        { objectives: input.objectives.map((text) => ({ text })), actions: input.actions },
        new Date(),
      );
      const row = manager.create(ActionPlanEntity, {
        workshopId,
        memberId,
        objectives: plan.objectives.map((objective) => objective.text),
        actions: plan.actions.map((action) => ({
          text: action.text,
          dueDate: action.dueDate.toISOString(),
          done: action.done,
        })),
      });
      return manager.save(row);
    });
  }

  async actionPlan(viewer: Viewer, workshopId: string, memberId: string): Promise<ActionPlanEntity | null> {
    const workshop = await this.workshop(workshopId);
    if (memberId !== viewer.memberId && workshop.coachId !== viewer.memberId) {
      throw MentorshipDomainError.forbidden('an action plan is visible to its student and the coach');
    }
    return this.dataSource.getRepository(ActionPlanEntity).findOneBy({ workshopId, memberId });
  }

  progressOf(plan: ActionPlanEntity): { percentDone: number; overdue: number } {
    return actionPlanProgress(toDomainPlan(plan), new Date());
  }

  async requestCoaching(
    memberId: string,
    workshopId: string,
    kind: 'CV_REVIEW' | 'FOLLOW_UP',
    content: { documentUrl?: string | null; text?: string | null },
  ): Promise<CoachingRequestEntity> {
    const documentUrl = content.documentUrl?.trim() || null;
    const text = content.text?.trim() || null;
    if (kind === 'CV_REVIEW' && (documentUrl === null) === (text === null)) {
      throw MentorshipDomainError.invalid('input', 'exactlyOne', 'send either documentUrl or text');
    }
    if (kind === 'FOLLOW_UP' && text === null) {
      throw MentorshipDomainError.invalid('message', 'required', 'say what you would like to follow up on');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.requireEnrolled(manager, workshopId, memberId);
      return manager.save(
        manager.create(CoachingRequestEntity, { workshopId, memberId, kind, documentUrl, text }),
      );
    });
  }

  async respondToCoaching(
    coachId: string,
    requestId: string,
    response: string,
  ): Promise<CoachingRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOneBy(CoachingRequestEntity, { id: requestId });
      if (!request) throw MentorshipDomainError.notFound('coaching request');
      const workshop = await manager.findOneByOrFail(CoachingWorkshopEntity, { id: request.workshopId });
      if (workshop.coachId !== coachId)
        throw MentorshipDomainError.forbidden('only the coach answers requests');
      request.response = response.trim();
      request.respondedAt = new Date();
      return manager.save(request);
    });
  }

  /** The coach sees every request of the workshop; a student only their own. Nobody else sees any. */
  /** Newest first: all of them for the coach, their own for a student. */
  async coachingRequests(
    viewer: Viewer,
    workshopId: string,
    page: PageRequest,
  ): Promise<Connection<CoachingRequestEntity>> {
    const workshop = await this.workshop(workshopId);
    const query = this.dataSource
      .getRepository(CoachingRequestEntity)
      .createQueryBuilder('r')
      .where('r.workshop_id = :workshopId', { workshopId: workshop.id });
    if (workshop.coachId !== viewer.memberId) query.andWhere('r.member_id = :me', { me: viewer.memberId });
    return paginate(query, page, ['createdAt', 'id']);
  }

  private async requireEnrolled(manager: EntityManager, workshopId: string, memberId: string): Promise<void> {
    const enrolment = await manager.findOneBy(WorkshopEnrolmentEntity, { workshopId, memberId });
    if (!enrolment || enrolment.status !== 'ENROLLED') {
      throw new MentorshipDomainError(
        MentorshipErrorCode.NOT_ENROLLED,
        'memberId: only students enrolled in this workshop can do this',
        { workshopId },
      );
    }
  }

  private async lockWorkshop(
    manager: EntityManager,
    workshopId: string,
  ): Promise<{ entity: CoachingWorkshopEntity; workshop: CoachingWorkshop }> {
    const entity = await manager
      .getRepository(CoachingWorkshopEntity)
      .createQueryBuilder('w')
      .setLock('pessimistic_write')
      .where('w.id = :id', { id: workshopId })
      .getOne();
    if (!entity) throw MentorshipDomainError.notFound('workshop');
    const rows = await manager.find(WorkshopEnrolmentEntity, {
      where: { workshopId },
      order: { enrolledAt: 'ASC' },
    });
    return {
      entity,
      workshop: {
        id: entity.id,
        coachId: entity.coachId,
        title: entity.title,
        startsAt: entity.startsAt,
        durationMinutes: entity.durationMinutes,
        capacity: entity.capacity,
        waitlistLimit: entity.waitlistLimit,
        eligibleStages: entity.eligibleStages,
        enrolledIds: rows.filter((row) => row.status === 'ENROLLED').map((row) => row.memberId),
        waitlistIds: rows.filter((row) => row.status === 'WAITLISTED').map((row) => row.memberId),
      },
    };
  }
}

export function enrolmentViews(rows: WorkshopEnrolmentEntity[]): EnrolmentView[] {
  let waiting = 0;
  return rows.map((row) => ({
    workshopId: row.workshopId,
    memberId: row.memberId,
    status: row.status,
    waitlistPosition: row.status === 'WAITLISTED' ? ++waiting : null,
  }));
}

function toDomainPlan(plan: ActionPlanEntity): ActionPlan {
  return {
    objectives: plan.objectives.map((text) => ({ text })),
    actions: plan.actions.map((action) => ({
      text: action.text,
      dueDate: new Date(action.dueDate),
      done: action.done,
    })),
  };
}
