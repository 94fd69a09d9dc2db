import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CommunityAttendanceRecordedV1, type Participant } from '@praxis/contracts';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  ApplicationEntity,
  AttendanceEntity,
  ProgrammeEntity,
  ProgrammeSessionEntity,
  type AttendanceMethod,
} from '@praxis/community/data-access';
import {
  assertSelfRecording,
  attendanceSummary,
  CommunityDomainError,
  CommunityErrorCode,
  planBulkAttendance,
  type AttendanceSummary,
} from '@praxis/community/domain';
import { groupedBy } from '../shared/grouped';
import { COMMUNITY_OPTIONS, type CommunityOptions } from '../community.options';
import { forOrganisedProgrammes, requireOrganiser, type Organised, type Viewer } from '../shared/access';

export interface BulkOutcome {
  sessionId: string;
  recorded: string[];
  alreadyRecorded: string[];
}

/** Attendance per session: registers from organisers, or attendees with the code shown during the session. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(COMMUNITY_OPTIONS) private readonly options: CommunityOptions,
  ) {}

  /**
   * A whole register in one call, all or nothing; rows go in with one INSERT … ON CONFLICT DO NOTHING, so two
   * organisers sending overlapping registers at once record each attendee once, and the event lists only
   * those this call recorded.
   */
  async recordBulk(viewer: Viewer, sessionId: string, memberIds: string[]): Promise<BulkOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const { session, programme } = await this.sessionOf(manager, sessionId);
      await requireOrganiser(manager, viewer, programme);
      const attendees = await this.attendees(manager, programme.id);
      const recorded = await manager.findBy(AttendanceEntity, { sessionId });
      const ids = memberIds.map((id) => id.toLowerCase());
      const plan = planBulkAttendance(
        { sessionId, startsAt: session.startsAt, endsAt: session.endsAt },
        ids,
        new Set(attendees.keys()),
        new Set(recorded.map((row) => row.memberId)),
        this.options.clock.now(),
      );
      const inserted = await this.insert(
        manager,
        session,
        plan.toRecord,
        'ORGANISER',
        viewer.memberId,
        attendees,
      );
      return {
        sessionId,
        recorded: inserted,
        alreadyRecorded: [...plan.alreadyRecorded, ...plan.toRecord.filter((id) => !inserted.includes(id))],
      };
    });
  }

  /** An accepted attendee records themselves with the session code, while the session runs. */
  async recordSelf(viewer: Viewer, sessionId: string, code: string): Promise<BulkOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const { session, programme } = await this.sessionOf(manager, sessionId);
      const attendees = await this.attendees(manager, programme.id);
      if (!attendees.has(viewer.memberId)) {
        throw new CommunityDomainError(
          CommunityErrorCode.NOT_AN_ATTENDEE,
          'only accepted attendees record their attendance',
        );
      }
      assertSelfRecording(
        { sessionId, startsAt: session.startsAt, endsAt: session.endsAt },
        session.sessionCode,
        code,
        this.options.clock.now(),
      );
      const inserted = await this.insert(
        manager,
        session,
        [viewer.memberId],
        'SESSION_CODE',
        viewer.memberId,
        attendees,
      );
      return {
        sessionId,
        recorded: inserted,
        alreadyRecorded: inserted.length === 0 ? [viewer.memberId] : [],
      };
    });
  }

  /**
   * For organisers: attendance per session and retention, for every programme of a page from one query per
   * table; a programme the caller does not organise is refused on its own.
   */
  async summaries(
    viewer: Viewer,
    programmeIds: readonly string[],
  ): Promise<Array<Organised<AttendanceSummary & { attendees: number }>>> {
    const manager = this.dataSource.manager;
    return forOrganisedProgrammes(manager, viewer, programmeIds, async (programmes) => {
      const ids = programmes.map((programme) => programme.id);
      const [sessions, accepted, records] =
        ids.length === 0
          ? [[], [], []]
          : await Promise.all([
              manager.find(ProgrammeSessionEntity, {
                where: { programmeId: In(ids) },
                order: { position: 'ASC' },
                select: { id: true, programmeId: true },
              }),
              manager.find(ApplicationEntity, {
                where: { programmeId: In(ids), status: 'ACCEPTED' },
                select: { programmeId: true, memberId: true },
              }),
              manager.find(AttendanceEntity, {
                where: { programmeId: In(ids) },
                select: { programmeId: true, sessionId: true, memberId: true },
              }),
            ]);
      const sessionsOf = groupedBy(sessions, (row) => row.programmeId);
      const attendeesOf = groupedBy(accepted, (row) => row.programmeId);
      const recordsOf = groupedBy(records, (row) => row.programmeId);
      return (programme) => {
        const attendees = attendeesOf(programme.id).map((row) => row.memberId);
        return {
          attendees: attendees.length,
          ...attendanceSummary(
            sessionsOf(programme.id).map((row) => row.id),
            attendees,
            recordsOf(programme.id),
          ),
        };
      };
    });
  }

  /** The sessions the member attended, of each of these programmes, from one query. */
  async attendedBy(programmeIds: readonly string[], memberId: string): Promise<AttendanceEntity[]> {
    return this.dataSource.manager.findBy(AttendanceEntity, { programmeId: In([...programmeIds]), memberId });
  }

  private async insert(
    manager: EntityManager,
    session: ProgrammeSessionEntity,
    memberIds: readonly string[],
    method: AttendanceMethod,
    recordedBy: string,
    attendees: Map<string, Participant>,
  ): Promise<string[]> {
    if (memberIds.length === 0) return [];
    const now = this.options.clock.now();
    const rows: Array<{ member_id: string }> = await manager.query(
      `INSERT INTO session_attendance (session_id, member_id, programme_id, method, recorded_by, recorded_at)
       SELECT $1, m, $2, $3, $4, $5 FROM unnest($6::uuid[]) AS m
       ON CONFLICT DO NOTHING RETURNING member_id`,
      [session.id, session.programmeId, method, recordedBy, now, memberIds],
    );
    const inserted = rows.map((row) => row.member_id);
    if (inserted.length > 0) {
      await appendToOutbox(manager, CommunityAttendanceRecordedV1, session.programmeId, {
        programmeId: session.programmeId,
        sessionId: session.id,
        sessionStartsAt: session.startsAt.toISOString(),
        method,
        attendees: inserted.flatMap((id) => attendees.get(id) ?? []),
        count: inserted.length,
        recordedAt: now.toISOString(),
      });
    }
    return inserted;
  }

  /** Accepted attendees, with the public facts their events carry. */
  private async attendees(manager: EntityManager, programmeId: string): Promise<Map<string, Participant>> {
    const rows = await manager.find(ApplicationEntity, {
      where: { programmeId, status: 'ACCEPTED' },
      select: { memberId: true, institutionId: true, careerStage: true },
    });
    return new Map(
      rows.map((row) => [
        row.memberId,
        { memberId: row.memberId, institutionId: row.institutionId, careerStage: row.careerStage },
      ]),
    );
  }

  private async sessionOf(
    manager: EntityManager,
    sessionId: string,
  ): Promise<{ session: ProgrammeSessionEntity; programme: ProgrammeEntity }> {
    const session = await manager.findOneBy(ProgrammeSessionEntity, { id: sessionId });
    if (!session) throw CommunityDomainError.notFound('session');
    const programme = await manager.findOneByOrFail(ProgrammeEntity, { id: session.programmeId });
    return { session, programme };
  }
}
