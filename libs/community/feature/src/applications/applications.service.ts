import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  CommunityApplicationDecidedV1,
  CommunityApplicationSubmittedV1,
  type PayloadOf,
} from '@praxis/contracts';
import { paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { appendManyToOutbox, appendToOutbox } from '@praxis/platform/messaging';
import { ApplicationEntity, ProgrammeEntity } from '@praxis/community/data-access';
import {
  applyApplicantAction,
  assertCanApply,
  LOTTERY_SEED_MAX_LENGTH,
  planVacancies,
  selectApplicants,
  throwIfInvalid,
  wideningParticipationPriority,
  wideningParticipationProblems,
  type ApplicantAction,
  type ApplicationStatus,
  type PlaceState,
  type SelectionPolicy,
  type WideningParticipationAnswers,
  CommunityDomainError,
  CommunityErrorCode,
} from '@praxis/community/domain';
import { COMMUNITY_OPTIONS, type CommunityOptions } from '../community.options';
import { requireMember, requireOrganiser, type Viewer } from '../shared/access';

type DecidedApplication = Pick<
  ApplicationEntity,
  | 'id'
  | 'programmeId'
  | 'memberId'
  | 'institutionId'
  | 'careerStage'
  | 'status'
  | 'waitlistPosition'
  | 'offerExpiresAt'
>;

/** What engagement learns of a decision: who, where they stand, when; never why (no answers, no priority). */
function decidedPayload(
  application: DecidedApplication,
  policy: SelectionPolicy | null,
  now: Date,
): PayloadOf<typeof CommunityApplicationDecidedV1> {
  return {
    applicationId: application.id,
    programmeId: application.programmeId,
    memberId: application.memberId,
    institutionId: application.institutionId,
    careerStage: application.careerStage,
    status: application.status as DecidedStatus,
    policy,
    waitlistPosition: application.waitlistPosition,
    offerExpiresAt: application.offerExpiresAt?.toISOString() ?? null,
    decidedAt: now.toISOString(),
  };
}

/** What the waitlist rules see of an application. */
function placeOf(application: ApplicationEntity): PlaceState {
  return {
    applicationId: application.id,
    status: application.status,
    waitlistPosition: application.waitlistPosition,
    offerExpiresAt: application.offerExpiresAt,
  };
}

type DecidedStatus = PayloadOf<typeof CommunityApplicationDecidedV1>['status'];

export interface SelectionOutcome {
  programme: ProgrammeEntity;
  accepted: number;
  waitlisted: number;
}

/**
 * Applications and places. Every decision that changes who holds a place (applying after selection,
 * selection, confirming, declining, cancelling, expiring) first locks the programme row, so concurrent
 * requests are decided one at a time against the same capacity and waitlist: each gets one clean outcome.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(COMMUNITY_OPTIONS) private readonly options: CommunityOptions,
  ) {}

  async apply(
    viewer: Viewer,
    programmeId: string,
    input: { motivation: string; wideningParticipation: WideningParticipationAnswers },
  ): Promise<ApplicationEntity> {
    const answers = Object.fromEntries(
      Object.entries(input.wideningParticipation ?? {}).filter(([, answer]) => answer != null),
    ) as WideningParticipationAnswers;
    throwIfInvalid(wideningParticipationProblems(answers));
    return this.dataSource.transaction(async (manager) => {
      const member = await requireMember(manager, viewer.memberId);
      const programme = await this.lockProgramme(manager, programmeId);
      const now = this.options.clock.now();
      assertCanApply(programme, member.careerStage, now);
      if (await manager.existsBy(ApplicationEntity, { programmeId, memberId: viewer.memberId })) {
        throw new CommunityDomainError(
          CommunityErrorCode.ALREADY_APPLIED,
          'you have already applied to this programme',
        );
      }
      const selected = programme.selectedAt !== null;
      const application = await manager.save(
        manager.create(ApplicationEntity, {
          programmeId,
          memberId: viewer.memberId,
          institutionId: member.institutionId,
          careerStage: member.careerStage,
          motivation: input.motivation.trim(),
          wideningParticipation: answers,
          priority: wideningParticipationPriority(answers),
          // after selection, late applicants join the end of the waitlist (and may be offered a free place)
          status: selected ? 'WAITLISTED' : 'SUBMITTED',
          waitlistPosition: selected ? (await this.lastWaitlistPosition(manager, programmeId)) + 1 : null,
          appliedAt: now,
          decidedAt: selected ? now : null,
        }),
      );
      await appendToOutbox(manager, CommunityApplicationSubmittedV1, programmeId, {
        applicationId: application.id,
        programmeId,
        memberId: application.memberId,
        institutionId: application.institutionId,
        careerStage: application.careerStage,
        submittedAt: now.toISOString(),
      });
      if (selected) {
        await this.decided(manager, application, null, now);
        await this.settle(manager, programme, now);
      }
      return manager.findOneByOrFail(ApplicationEntity, { id: application.id });
    });
  }

  /** The caller's own applications to these programmes (at most one each), answers included; nobody else reads those. */
  async mineOf(viewer: Viewer, programmeIds: readonly string[]): Promise<ApplicationEntity[]> {
    return this.dataSource.manager.findBy(ApplicationEntity, {
      memberId: viewer.memberId,
      programmeId: In([...programmeIds]),
    });
  }

  /** The caller's applications, newest first: one per programme they applied to. */
  async mineAll(viewer: Viewer, page: PageRequest): Promise<Connection<ApplicationEntity>> {
    const query = this.dataSource.manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.member_id = :memberId', { memberId: viewer.memberId });
    return paginate(query, page, ['appliedAt', 'id']);
  }

  /** For organisers: who applied and where each stands; never answers, motivations' flags or priority. */
  async list(
    viewer: Viewer,
    programmeId: string,
    status: ApplicationStatus | null,
    page: PageRequest,
  ): Promise<Connection<ApplicationEntity>> {
    const manager = this.dataSource.manager;
    const programme = await manager.findOneBy(ProgrammeEntity, { id: programmeId });
    if (!programme) throw CommunityDomainError.notFound('programme');
    await requireOrganiser(manager, viewer, programme);
    const query = manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.programme_id = :programmeId', { programmeId });
    if (status !== null) query.andWhere('a.status = :status', { status });
    // in order of application: the order first-come selection and the waitlist read
    return paginate(query, page, ['appliedAt', 'id'], 'ASC');
  }

  /**
   * Runs once per programme (a second run is refused: places are then moved only by the waitlist). Selection
   * sees each application's id, time and priority flag, nothing else. A lottery without a seed gets a random
   * one, stored with the programme so the draw can be replayed.
   */
  async select(
    viewer: Viewer,
    programmeId: string,
    policy: SelectionPolicy,
    seed: string | null,
  ): Promise<SelectionOutcome> {
    if (!viewer.isAdmin) throw CommunityDomainError.forbidden('only admins select applicants');
    if (seed !== null && (seed.trim() === '' || seed.trim().length > LOTTERY_SEED_MAX_LENGTH)) {
      throw CommunityDomainError.invalid(
        'seed',
        'length',
        `must be 1 to ${LOTTERY_SEED_MAX_LENGTH} characters`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.lockProgramme(manager, programmeId);
      if (programme.selectedAt !== null) {
        throw new CommunityDomainError(
          CommunityErrorCode.ALREADY_SELECTED,
          `applicants were selected at ${programme.selectedAt.toISOString()}; free places now go to the waitlist`,
        );
      }
      const now = this.options.clock.now();
      // only what the draw and the events need: no motivations, no answers (and thousands of rows load faster)
      const submitted = await manager.find(ApplicationEntity, {
        select: {
          id: true,
          programmeId: true,
          memberId: true,
          institutionId: true,
          careerStage: true,
          appliedAt: true,
          priority: true,
        },
        where: { programmeId, status: 'SUBMITTED' },
      });
      const result = selectApplicants(
        submitted.map((application) => ({
          applicationId: application.id,
          appliedAt: application.appliedAt,
          priority: application.priority,
        })),
        programme.capacity,
        policy,
        policy === 'PRIORITY_THEN_LOTTERY' ? (seed ?? randomUUID()) : null,
      );
      // every decision in one statement: the draw's order, places first, then the waitlist in order
      await manager.query(
        `UPDATE programme_application a
            SET status = CASE WHEN s.position <= $2 THEN 'ACCEPTED' ELSE 'WAITLISTED' END,
                waitlist_position = CASE WHEN s.position <= $2 THEN NULL ELSE (s.position - $2)::int END,
                decided_at = $3
           FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, position)
          WHERE a.id = s.id`,
        [[...result.selected, ...result.waitlisted], result.selected.length, now],
      );
      await manager.update(ProgrammeEntity, programmeId, {
        selectionPolicy: result.policy,
        selectionSeed: result.seed,
        selectedAt: now,
      });
      const accepted = new Set(result.selected);
      const position = new Map(result.waitlisted.map((id, index) => [id, index + 1]));
      // thousands of decisions at once: their events go in with one statement
      await appendManyToOutbox(
        manager,
        CommunityApplicationDecidedV1,
        submitted.map((application) => ({
          aggregateId: programmeId,
          payload: decidedPayload(
            accepted.has(application.id)
              ? { ...application, status: 'ACCEPTED', waitlistPosition: null }
              : {
                  ...application,
                  status: 'WAITLISTED',
                  waitlistPosition: position.get(application.id) ?? null,
                },
            result.policy,
            now,
          ),
        })),
      );
      return {
        programme: await manager.findOneByOrFail(ProgrammeEntity, { id: programmeId }),
        accepted: result.selected.length,
        waitlisted: result.waitlisted.length,
      };
    });
  }

  /** The applicant confirms an offered place, declines a place or an offer, or cancels their application. */
  async respond(viewer: Viewer, applicationId: string, action: ApplicantAction): Promise<ApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(ApplicationEntity, { id: applicationId });
      if (!found || found.memberId !== viewer.memberId) throw CommunityDomainError.notFound('application');
      const programme = await this.lockProgramme(manager, found.programmeId);
      // re-read under the programme lock: a concurrent decision may have moved it
      const application = await manager.findOneByOrFail(ApplicationEntity, { id: applicationId });
      const now = this.options.clock.now();
      const status = applyApplicantAction(placeOf(application), action, now);
      application.status = status;
      application.waitlistPosition = null;
      application.offerExpiresAt = null;
      application.decidedAt = now;
      await manager.save(application);
      await this.decided(manager, application, null, now);
      await this.settle(manager, programme, now);
      return manager.findOneByOrFail(ApplicationEntity, { id: applicationId });
    });
  }

  /**
   * Expires lapsed offers and offers their places on, for every programme with an offer past its deadline.
   * Run by the scheduler; each programme is settled in its own transaction under its lock.
   */
  async sweepExpiredOffers(): Promise<number> {
    const now = this.options.clock.now();
    const due: Array<{ programme_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT programme_id FROM programme_application
        WHERE status = 'OFFERED' AND offer_expires_at <= $1`,
      [now],
    );
    for (const { programme_id: programmeId } of due) {
      await this.dataSource.transaction(async (manager) => {
        const programme = await this.lockProgramme(manager, programmeId);
        await this.settle(manager, programme, this.options.clock.now());
      });
    }
    return due.length;
  }

  /** Runs the domain's vacancy plan and applies it: lapsed offers expire, free places go down the waitlist. */
  private async settle(manager: EntityManager, programme: ProgrammeEntity, now: Date): Promise<void> {
    if (programme.selectedAt === null) return;
    const places = await manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.programme_id = :id AND a.status IN (:...held)', {
        id: programme.id,
        held: ['ACCEPTED', 'OFFERED', 'WAITLISTED'],
      })
      .getMany();
    const plan = planVacancies(
      places.map(placeOf),
      programme.capacity,
      now,
      programme.firstSessionStartsAt,
      this.options.confirmationHours,
    );
    const byId = new Map(places.map((place) => [place.id, place]));
    for (const place of plan.expired.flatMap((id) => byId.get(id) ?? [])) {
      Object.assign(place, {
        status: 'EXPIRED',
        offerExpiresAt: null,
        waitlistPosition: null,
        decidedAt: now,
      });
      await manager.save(place);
      await this.decided(manager, place, null, now);
    }
    for (const offer of plan.offers) {
      const place = byId.get(offer.applicationId);
      if (!place) continue;
      Object.assign(place, {
        status: 'OFFERED',
        offerExpiresAt: offer.expiresAt,
        waitlistPosition: null,
        decidedAt: now,
      });
      await manager.save(place);
      await this.decided(manager, place, null, now);
    }
  }

  private async decided(
    manager: EntityManager,
    application: Pick<
      ApplicationEntity,
      | 'id'
      | 'programmeId'
      | 'memberId'
      | 'institutionId'
      | 'careerStage'
      | 'status'
      | 'waitlistPosition'
      | 'offerExpiresAt'
    >,
    policy: SelectionPolicy | null,
    now: Date,
  ): Promise<void> {
    await appendToOutbox(
      manager,
      CommunityApplicationDecidedV1,
      application.programmeId,
      decidedPayload(application, policy, now),
    );
  }

  private async lastWaitlistPosition(manager: EntityManager, programmeId: string): Promise<number> {
    const rows: Array<{ last: number | null }> = await manager.query(
      `SELECT max(waitlist_position) AS last FROM programme_application WHERE programme_id = $1`,
      [programmeId],
    );
    return rows[0]?.last ?? 0;
  }

  private async lockProgramme(manager: EntityManager, programmeId: string): Promise<ProgrammeEntity> {
    const programme = await manager
      .getRepository(ProgrammeEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :programmeId', { programmeId })
      .getOne();
    if (!programme) throw CommunityDomainError.notFound('programme');
    return programme;
  }
}
