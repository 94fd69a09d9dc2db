import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@praxis/platform/auth';
import { IdArg, isUuid, badUserInput } from '@praxis/platform/graphql';
import { viewerOf } from '../shared/access';
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
  ): Promise<AttendanceSummaryObject> {
    const summary = await this.attendanceService.summary(viewerOf(principal), programme.id);
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
  ): Promise<string[]> {
    return this.attendanceService.attendedBy(programme.id, principal.memberId);
  }
}
