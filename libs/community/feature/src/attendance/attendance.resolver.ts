import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@praxis/platform/auth';
import { IdArg, isUuid, badUserInput, requestGroupLoader } from '@praxis/platform/graphql';
import { viewerOf } from '../shared/access';
import { loadOrganised } from '../shared/organised.loader';
import { ProgrammeObject } from '../programmes/programme.objects';
import { AttendanceService } from './attendance.service';
import { AttendanceRecordedObject, AttendanceSummaryObject } from './attendance.objects';

/** A register holds at most this many names (a full programme of 5,000 is sent in pages). */
export const MAX_REGISTER = 1000;

@Resolver(() => ProgrammeObject)
export class AttendanceResolver {
  constructor(private readonly attendanceService: AttendanceService) {}

  @Mutation(() => AttendanceRecordedObject, {
    description:
      'Organisers record a register for one session, from its start until 7 days after it ends; all or nothing',
  })
  async recordAttendance(
    @CurrentPrincipal() principal: Principal,
    @IdArg('sessionId') sessionId: string,
    @Args('memberIds', { type: () => [ID] }) memberIds: string[],
  ): Promise<AttendanceRecordedObject> {
    const bad = memberIds.findIndex((id) => !isUuid(id));
    if (bad >= 0)
      throw badUserInput([{ field: `memberIds[${bad}]`, rule: 'uuid', message: 'must be a UUID' }]);
    if (memberIds.length > MAX_REGISTER) {
      throw badUserInput([
        { field: 'memberIds', rule: 'maxSize', message: `at most ${MAX_REGISTER} per call` },
      ]);
    }
    return this.attendanceService.recordBulk(viewerOf(principal), sessionId, memberIds);
  }

  @Mutation(() => AttendanceRecordedObject, {
    description: 'An accepted attendee records themselves with the code shown during the session',
  })
  async recordMyAttendance(
    @CurrentPrincipal() principal: Principal,
    @IdArg('sessionId') sessionId: string,
    @Args('code') code: string,
  ): Promise<AttendanceRecordedObject> {
    if (code.length > 32) throw badUserInput([{ field: 'code', rule: 'maxLength', message: 'is too long' }]);
    return this.attendanceService.recordSelf(viewerOf(principal), sessionId, code);
  }

  @ResolveField(() => AttendanceSummaryObject, {
    description: 'For organisers: attendance per session and retention across the series',
  })
  async attendanceSummary(
    @CurrentPrincipal() principal: Principal,
    @Parent() programme: ProgrammeObject,
    @Context('req') request: object,
  ): Promise<AttendanceSummaryObject> {
    // the page's summaries from one query per table; each programme keeps its own organiser check
    const viewer = viewerOf(principal);
    const summary = await loadOrganised(
      request,
      'community.attendanceSummary',
      (programmeIds) => this.attendanceService.summaries(viewer, programmeIds),
      programme.id,
    );
    return {
      attendees: summary.attendees,
      sessions: [...summary.sessions],
      histogram: [...summary.histogram],
      attendedAll: summary.attendedAll,
    };
  }

  @ResolveField(() => [ID], { description: 'The sessions the caller attended' })
  async myAttendance(
    @CurrentPrincipal() principal: Principal,
    @Parent() programme: ProgrammeObject,
    @Context('req') request: object,
  ): Promise<string[]> {
    // the caller's attendance at every programme of a page, from one query
    const rows = await requestGroupLoader(
      request,
      'community.myAttendance',
      (programmeIds) => this.attendanceService.attendedBy(programmeIds, principal.memberId),
      (row) => row.programmeId,
    ).load(programme.id);
    return rows.map((row) => row.sessionId);
  }
}
