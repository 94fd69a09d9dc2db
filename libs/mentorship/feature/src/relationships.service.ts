import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  MentorshipCheckInLoggedV1,
  MentorshipFeedbackGivenV1,
  MentorshipRelationshipEndedV1,
  MentorshipRelationshipRequestedV1,
} from '@praxis/contracts';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  CheckInEntity,
  FeedbackEntity,
  MenteeProfileEntity,
  MentorProfileEntity,
  RelationshipEntity,
  SupervisionProposalEntity,
} from '@praxis/mentorship/data-access';
import {
  assertCanStartMentorship,
  assessRelationshipHealth,
  giveFeedback,
  MentorshipDomainError,
  MentorshipErrorCode,
  recordCheckIn,
  visibleFeedback,
  type FeedbackEntry,
  type FeedbackSide,
  type MentorSuggestion,
  type RelationshipHealthStatus,
} from '@praxis/mentorship/domain';
import { memberReplica } from '@praxis/platform/member-replica';
import { MENTORSHIP_OPTIONS, type MentorshipOptions } from './mentorship.options';
import {
  isUniqueViolation,
  openMentorIdsOf,
  publishStarted,
  releaseMentorPlace,
  requireMember,
  takeMentorPlace,
  toMenteeMatchProfile,
  toMentorMatchProfile,
} from './mentorship.shared';
import { suggestionsFor } from './profiles.service';
import { pageOfRows, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';

/** How far back a check-in may be logged: meetings are often written up late, but not years late. */
export const CHECK_IN_BACKDATE_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Clocks of phones and servers disagree by a little; a check-in "now" must not fail for it. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface Viewer {
  memberId: string;
  isAdmin: boolean;
}

export interface Overview {
  requested: number;
  active: number;
  atRisk: number;
  ended: number;
  declined: number;
  checkIns: number;
  feedbackCount: number;
  averageRating: number | null;
  ratings: number[];
  pendingSupervisionProposals: number;
}

/** Mentoring and supervision relationships: requests, agreements, check-ins, feedback, ending. */
@Injectable()
export class RelationshipsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MENTORSHIP_OPTIONS) private readonly options: MentorshipOptions,
  ) {}

  async requestMentor(menteeId: string, mentorId: string, message: string): Promise<RelationshipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const mentee = await requireMember(manager, menteeId);
      const mentorMember = await requireMember(manager, mentorId, 'mentor');
      const profile = await manager.findOneBy(MentorProfileEntity, { memberId: mentorId });
      if (!profile || !(await memberReplica(manager).holds(mentorId, 'mentor')))
        throw MentorshipDomainError.invalid('input.mentorId', 'mentor', 'is not a mentor');
      const menteeProfile = await manager.findOneBy(MenteeProfileEntity, { memberId: menteeId });
      assertCanStartMentorship({
        mentee: toMenteeMatchProfile(mentee, menteeProfile),
        mentor: toMentorMatchProfile(profile, mentorMember),
        existingMentorIds: await openMentorIdsOf(manager, menteeId),
        viaDirectRequest: true,
      });
      const relationship = manager.create(RelationshipEntity, {
        mentorId,
        menteeId,
        kind: 'MENTORING',
        origin: 'REQUEST',
        status: 'REQUESTED',
        requestMessage: message.trim(),
      });
      try {
        await manager.save(relationship);
      } catch (error) {
        if (isUniqueViolation(error, 'relationship_open_pair_uq')) {
          throw new MentorshipDomainError(
            MentorshipErrorCode.ALREADY_MENTORING,
            'mentorId: you already have an open request or relationship with this mentor',
          );
        }
        throw error;
      }
      await appendToOutbox(
        manager,
        MentorshipRelationshipRequestedV1,
        relationship.id,
        {
          relationshipId: relationship.id,
          mentorId,
          menteeId,
          kind: 'MENTORING',
          requestedAt: relationship.createdAt.toISOString(),
        },
        { actorId: menteeId },
      );
      return relationship;
    });
  }

  /** The mentor accepts (taking a place, atomically) or declines. */
  async respondToRequest(
    mentorId: string,
    relationshipId: string,
    accept: boolean,
    message: string | null,
  ): Promise<RelationshipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const relationship = await this.lockRelationship(manager, relationshipId);
      if (relationship.mentorId !== mentorId) {
        throw MentorshipDomainError.forbidden('only the requested mentor can respond to this request');
      }
      if (relationship.status !== 'REQUESTED') {
        throw MentorshipDomainError.state(`this request was already answered (${relationship.status})`);
      }
      const now = new Date();
      relationship.responseMessage = message?.trim() || null;
      if (accept) {
        await takeMentorPlace(manager, mentorId);
        relationship.status = 'ACTIVE';
        relationship.startedAt = now;
        await manager.save(relationship);
        await publishStarted(manager, relationship, mentorId);
      } else {
        relationship.status = 'DECLINED';
        relationship.endedAt = now;
        relationship.endedBy = mentorId;
        await manager.save(relationship);
        await this.publishEnded(manager, relationship, 'DECLINED');
      }
      return relationship;
    });
  }

  /** Either side ends it (or a mentee withdraws a pending request); the mentor's place is freed. */
  async endRelationship(viewer: Viewer, relationshipId: string, reason: string): Promise<RelationshipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const relationship = await this.lockRelationship(manager, relationshipId);
      this.assertParticipant(relationship, viewer.memberId);
      if (relationship.status !== 'ACTIVE' && relationship.status !== 'REQUESTED') {
        throw MentorshipDomainError.state(
          `this relationship is already ${relationship.status.toLowerCase()}`,
        );
      }
      if (relationship.status === 'ACTIVE') await releaseMentorPlace(manager, relationship.mentorId);
      relationship.status = 'ENDED';
      relationship.endedAt = new Date();
      relationship.endedBy = viewer.memberId;
      relationship.endReason = reason.trim();
      await manager.save(relationship);
      await this.publishEnded(manager, relationship, 'ENDED');
      return relationship;
    });
  }

  /** One side proposes terms (and agrees to them); the agreement holds once the other side agrees too. */
  async setAgreement(
    memberId: string,
    relationshipId: string,
    terms: { goals: string[]; meetingCadenceDays: number; endsAt: Date },
  ): Promise<RelationshipEntity> {
    const now = new Date();
    if (Number.isNaN(terms.endsAt.getTime()) || terms.endsAt.getTime() <= now.getTime()) {
      throw MentorshipDomainError.invalid('input.endsAt', 'future', 'must be in the future');
    }
    return this.dataSource.transaction(async (manager) => {
      const relationship = await this.lockRelationship(manager, relationshipId);
      const side = this.assertParticipant(relationship, memberId);
      this.assertActive(relationship);
      relationship.agreementGoals = terms.goals.map((goal) => goal.trim());
      relationship.agreementCadenceDays = terms.meetingCadenceDays;
      relationship.agreementEndsAt = terms.endsAt;
      relationship.mentorAgreedAt = side === 'MENTOR' ? now : null;
      relationship.menteeAgreedAt = side === 'MENTEE' ? now : null;
      return manager.save(relationship);
    });
  }

  async agreeToAgreement(memberId: string, relationshipId: string): Promise<RelationshipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const relationship = await this.lockRelationship(manager, relationshipId);
      const side = this.assertParticipant(relationship, memberId);
      this.assertActive(relationship);
      if (relationship.agreementCadenceDays === null) {
        throw MentorshipDomainError.state('no agreement has been proposed yet; use setAgreement');
      }
      if (side === 'MENTOR') relationship.mentorAgreedAt ??= new Date();
      else relationship.menteeAgreedAt ??= new Date();
      return manager.save(relationship);
    });
  }

  async logCheckIn(
    memberId: string,
    relationshipId: string,
    input: { heldAt: Date; progress: string; wellbeing?: number | null; nextSteps: string },
  ): Promise<CheckInEntity> {
    const now = new Date();
    if (input.heldAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw MentorshipDomainError.invalid('input.heldAt', 'notFuture', 'must not be in the future');
    }
    if (input.heldAt.getTime() < now.getTime() - CHECK_IN_BACKDATE_DAYS * DAY_MS) {
      throw MentorshipDomainError.invalid(
        'input.heldAt',
        'recent',
        `must be within the last ${CHECK_IN_BACKDATE_DAYS} days`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const relationship = await this.lockRelationship(manager, relationshipId);
      this.assertParticipant(relationship, memberId);
      this.assertActive(relationship);
      const startedAt = relationship.startedAt as Date;
      if (input.heldAt.getTime() < startedAt.getTime()) {
        throw MentorshipDomainError.invalid(
          'input.heldAt',
          'notBeforeStart',
          `must not be before the relationship started (${startedAt.toISOString()})`,
        );
      }
      const checkIn = manager.create(CheckInEntity, {
        relationshipId,
        loggedBy: memberId,
        heldAt: input.heldAt,
        progress: input.progress.trim(),
        wellbeing: input.wellbeing ?? null,
        nextSteps: input.nextSteps.trim(),
      });
      await manager.save(checkIn);
      // the domain's rule: never before the start, and a late-logged older meeting never moves it backwards
      const last = recordCheckIn(
        { startedAt, lastCheckInAt: relationship.lastCheckInAt },
        input.heldAt,
        new Date(now.getTime() + CLOCK_SKEW_MS),
      );
      if (last.getTime() !== relationship.lastCheckInAt?.getTime()) {
        relationship.lastCheckInAt = last;
        await manager.save(relationship);
      }
      await appendToOutbox(
        manager,
        MentorshipCheckInLoggedV1,
        relationship.id,
        {
          checkInId: checkIn.id,
          relationshipId,
          mentorId: relationship.mentorId,
          menteeId: relationship.menteeId,
          loggedBy: memberId,
          heldAt: input.heldAt.toISOString(),
          agreedCadenceDays:
            relationship.mentorAgreedAt !== null && relationship.menteeAgreedAt !== null
              ? relationship.agreementCadenceDays
              : null,
        },
        { actorId: memberId },
      );
      return checkIn;
    });
  }

  async giveFeedback(
    memberId: string,
    relationshipId: string,
    input: { rating: number; comment?: string | null },
  ): Promise<{ entry: FeedbackEntity; offerRePairing: boolean; suggestions: MentorSuggestion[] }> {
    const { entry, offerRePairing } = await this.dataSource.transaction(async (manager) => {
      const relationship = await this.lockRelationship(manager, relationshipId);
      this.assertParticipant(relationship, memberId);
      if (relationship.status !== 'ACTIVE' && relationship.status !== 'ENDED') {
        throw MentorshipDomainError.state('feedback is for relationships that have started');
      }
      const existing = await manager.findBy(FeedbackEntity, { relationshipId });
      const given = giveFeedback({
        parties: { relationshipId, mentorId: relationship.mentorId, menteeId: relationship.menteeId },
        existing: existing.map(toFeedbackEntry),
        authorId: memberId,
        rating: input.rating,
        comment: input.comment ?? null,
        now: new Date(),
      });
      const row = manager.create(FeedbackEntity, {
        relationshipId,
        period: given.entry.period,
        side: given.entry.side,
        authorId: memberId,
        rating: given.entry.rating,
        comment: given.entry.comment,
      });
      try {
        await manager.save(row);
      } catch (error) {
        if (isUniqueViolation(error, 'feedback_once_per_period_uq')) {
          throw new MentorshipDomainError(
            MentorshipErrorCode.FEEDBACK_ALREADY_GIVEN,
            `period: feedback for ${given.entry.period} was already given`,
          );
        }
        throw error;
      }
      await appendToOutbox(
        manager,
        MentorshipFeedbackGivenV1,
        relationshipId,
        {
          feedbackId: row.id,
          relationshipId,
          authorId: memberId,
          side: row.side,
          period: row.period,
          rating: row.rating,
        },
        { actorId: memberId },
      );
      return { entry: row, offerRePairing: given.offerRePairing, menteeId: relationship.menteeId };
    });
    // a mentee unhappy with the pairing gets a fresh list straight away (the current mentor is still excluded)
    const suggestions =
      offerRePairing && entry.side === 'MENTEE'
        ? await suggestionsFor(this.dataSource.manager, memberId, 5, this.options).catch(() => [])
        : [];
    return { entry, offerRePairing, suggestions };
  }

  async relationshipsOf(memberId: string, page: PageRequest): Promise<Connection<RelationshipEntity>> {
    return paginate(
      this.dataSource
        .getRepository(RelationshipEntity)
        .createQueryBuilder('r')
        .where('(r.mentor_id = :memberId OR r.mentee_id = :memberId)', { memberId }),
      page,
      ['createdAt', 'id'],
    );
  }

  /** Participants see everything; admins see the record without its private parts; others see nothing. */
  /** Relationships by id, for a reference loader (who may see each is the caller's check). */
  byIds(ids: readonly string[]): Promise<RelationshipEntity[]> {
    return this.dataSource.getRepository(RelationshipEntity).findBy({ id: In([...ids]) });
  }

  async relationshipFor(viewer: Viewer, relationshipId: string): Promise<RelationshipEntity> {
    const relationship = await this.dataSource
      .getRepository(RelationshipEntity)
      .findOneBy({ id: relationshipId });
    if (!relationship || !mayReadRelationship(relationship, viewer)) {
      throw MentorshipDomainError.notFound('relationship');
    }
    return relationship;
  }

  /** Every check-in of each relationship, for a request's group loader (who may see them is checked per page). */
  checkInsOf(relationshipIds: readonly string[]): Promise<CheckInEntity[]> {
    return this.dataSource.getRepository(CheckInEntity).findBy({ relationshipId: In([...relationshipIds]) });
  }

  /** Every feedback entry of each relationship, oldest first, for a request's group loader. */
  feedbackOf(relationshipIds: readonly string[]): Promise<FeedbackEntity[]> {
    return this.dataSource
      .getRepository(FeedbackEntity)
      .find({ where: { relationshipId: In([...relationshipIds]) }, order: { givenAt: 'ASC', id: 'ASC' } });
  }

  /** A page of the relationship's check-ins (`rows`: all of them), most recently held first: participants only. */
  checkInsPage(
    viewer: Viewer,
    relationship: RelationshipEntity,
    rows: readonly CheckInEntity[],
    page: PageRequest,
  ): Connection<CheckInEntity> {
    this.assertParticipant(relationship, viewer.memberId);
    return pageOfRows(rows, page, (row) => [row.heldAt, row.id]);
  }

  /**
   * A page of the feedback the viewer may see (`rows`: all of the relationship's, oldest first), newest first:
   * which rows a side may see is decided over the whole history, then paged.
   */
  feedbackPage(
    viewer: Viewer,
    relationship: RelationshipEntity,
    rows: readonly FeedbackEntity[],
    page: PageRequest,
  ): Connection<FeedbackEntity> {
    const side = this.assertParticipant(relationship, viewer.memberId);
    const visible = new Set(visibleFeedback(rows.map(toFeedbackEntry), side).map(entryKey));
    return pageOfRows(
      rows.filter((row) => visible.has(entryKey(toFeedbackEntry(row)))),
      page,
      (row) => [row.givenAt, row.id],
    );
  }

  health(relationship: RelationshipEntity, now = new Date()): RelationshipHealthStatus | null {
    if (relationship.status !== 'ACTIVE' || relationship.startedAt === null) return null;
    const agreed = relationship.mentorAgreedAt !== null && relationship.menteeAgreedAt !== null;
    const cadence =
      agreed && relationship.agreementCadenceDays !== null
        ? relationship.agreementCadenceDays
        : this.options.defaultCadenceDays;
    return assessRelationshipHealth(
      {
        startedAt: relationship.startedAt,
        lastCheckInAt: relationship.lastCheckInAt,
        checkInCadenceDays: cadence,
      },
      now,
    ).status;
  }

  /** Counts and ratings only: the programme's view, with no text from any check-in or feedback. */
  async overview(): Promise<Overview> {
    const manager = this.dataSource.manager;
    const byStatus = await manager
      .getRepository(RelationshipEntity)
      .createQueryBuilder('r')
      .select('r.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('r.status')
      .getRawMany<{ status: string; count: number }>();
    const count = (status: string) => byStatus.find((row) => row.status === status)?.count ?? 0;
    const active = await manager.getRepository(RelationshipEntity).findBy({ status: 'ACTIVE' });
    const now = new Date();
    const atRisk = active.filter((relationship) => this.health(relationship, now) === 'AT_RISK').length;
    const checkIns = await manager.getRepository(CheckInEntity).count();
    const ratings = (
      await manager
        .getRepository(FeedbackEntity)
        .find({ select: { rating: true }, order: { givenAt: 'ASC' } })
    ).map((row) => row.rating);
    const pendingSupervisionProposals = await manager
      .getRepository(SupervisionProposalEntity)
      .countBy({ status: 'PROPOSED' });
    return {
      requested: count('REQUESTED'),
      active: count('ACTIVE'),
      atRisk,
      ended: count('ENDED'),
      declined: count('DECLINED'),
      checkIns,
      feedbackCount: ratings.length,
      averageRating: ratings.length ? ratings.reduce((sum, r) => sum + r, 0) / ratings.length : null,
      ratings,
      pendingSupervisionProposals,
    };
  }

  async statsFor(
    relationshipId: string,
  ): Promise<{ relationshipId: string; checkIns: number; ratings: number[] }> {
    const relationship = await this.dataSource
      .getRepository(RelationshipEntity)
      .findOneBy({ id: relationshipId });
    if (!relationship) throw MentorshipDomainError.notFound('relationship');
    const checkIns = await this.dataSource.getRepository(CheckInEntity).countBy({ relationshipId });
    const ratings = (
      await this.dataSource
        .getRepository(FeedbackEntity)
        .find({ where: { relationshipId }, select: { rating: true }, order: { givenAt: 'ASC' } })
    ).map((row) => row.rating);
    return { relationshipId, checkIns, ratings };
  }

  private async lockRelationship(manager: EntityManager, id: string): Promise<RelationshipEntity> {
    const relationship = await manager
      .getRepository(RelationshipEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (!relationship) throw MentorshipDomainError.notFound('relationship');
    return relationship;
  }

  private assertParticipant(relationship: RelationshipEntity, memberId: string): FeedbackSide {
    if (relationship.mentorId === memberId) return 'MENTOR';
    if (relationship.menteeId === memberId) return 'MENTEE';
    throw new MentorshipDomainError(
      MentorshipErrorCode.NOT_A_PARTICIPANT,
      'only the mentor and the mentee of this relationship can do this',
      { relationshipId: relationship.id },
    );
  }

  private assertActive(relationship: RelationshipEntity): void {
    if (relationship.status !== 'ACTIVE') {
      throw MentorshipDomainError.state(
        `the relationship is ${relationship.status.toLowerCase()}, not active`,
      );
    }
  }

  private async publishEnded(
    manager: EntityManager,
    relationship: RelationshipEntity,
    outcome: 'DECLINED' | 'ENDED',
  ): Promise<void> {
    await appendToOutbox(
      manager,
      MentorshipRelationshipEndedV1,
      relationship.id,
      {
        relationshipId: relationship.id,
        mentorId: relationship.mentorId,
        menteeId: relationship.menteeId,
        kind: relationship.kind,
        outcome,
        endedBy: relationship.endedBy ?? relationship.mentorId,
        endedAt: (relationship.endedAt ?? new Date()).toISOString(),
      },
      { actorId: relationship.endedBy },
    );
  }
}

export function toFeedbackEntry(row: FeedbackEntity): FeedbackEntry {
  return {
    relationshipId: row.relationshipId,
    period: row.period,
    side: row.side,
    authorId: row.authorId,
    rating: row.rating,
    comment: row.comment,
    givenAt: row.givenAt,
  };
}

function entryKey(entry: FeedbackEntry): string {
  return `${entry.period}/${entry.side}`;
}

/** Its two participants and admins read a relationship; to anyone else it does not exist. */
export function mayReadRelationship(relationship: RelationshipEntity, viewer: Viewer): boolean {
  return (
    viewer.isAdmin || relationship.mentorId === viewer.memberId || relationship.menteeId === viewer.memberId
  );
}
