import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, isAdmin, Roles, type Principal } from '@praxis/platform/auth';
import {
  AfterArg,
  FirstArg,
  IdArg,
  mapNodes,
  requestGroupLoader,
  requestLoader,
  type Connection,
} from '@praxis/platform/graphql';
import type { AllocationEntity, TimeLogEntity } from '@praxis/funding/data-access';
import {
  addDays,
  isoWeekOf,
  minutesToWeeklyAmounts,
  TIME_LOG_EDIT_WINDOW_DAYS,
  type UtilisationRow,
} from '@praxis/funding/domain';
import { visibleAward } from '../award/award.loaders';
import { AwardObject } from '../award/award.objects';
import { AwardsService } from '../award/awards.service';
import { memberRef } from '../funding.refs';
import {
  AllocateProtectedTimeInput,
  AllocationConnection,
  AllocationObject,
  ChangeProtectedTimeInput,
  InstitutionUtilisationObject,
  LogTimeInput,
  LogWeekInput,
  MemberUtilisationObject,
  TimeLogObject,
} from './protected-time.objects';
import { ProtectedTimeService } from './protected-time.service';

function toAllocationObject(allocation: AllocationEntity): AllocationObject {
  return {
    id: allocation.id,
    awardId: allocation.awardId,
    member: memberRef(allocation.memberId),
    weeklyHours: allocation.weeklyMinutes / 60,
    from: allocation.fromDay,
    to: allocation.toDay,
    status: allocation.status,
    unit: allocation.unit,
    weeklyProgrammedActivities: minutesToWeeklyAmounts(allocation.weeklyMinutes).programmedActivities,
    replacesAllocationId: allocation.replacesAllocationId,
    decisionReason: allocation.decisionReason,
  };
}

function toTimeLogObject(saved: TimeLogEntity): TimeLogObject {
  return {
    id: saved.id,
    date: saved.day,
    hours: saved.minutes / 60,
    activity: saved.activity,
    note: saved.note,
    editableUntil: addDays(saved.day, TIME_LOG_EDIT_WINDOW_DAYS),
  };
}

function toHours(row: UtilisationRow) {
  return {
    allocatedHours: row.allocatedMinutes / 60,
    loggedHours: row.loggedMinutes / 60,
    utilisation: row.utilisation,
    complete: row.complete,
  };
}

/** Protected time: approval by a lead of the member's institution or an admin, the member's log, utilisation. */
@Resolver(() => AwardObject)
export class ProtectedTimeResolver {
  constructor(
    private readonly time: ProtectedTimeService,
    private readonly awards: AwardsService,
  ) {}

  @Roles('admin', 'lead')
  @Query(() => AllocationConnection, {
    description:
      'Proposed protected time you may approve or reject, oldest first: of members of an institution you lead, not your own (leads), or all of it (admins)',
  })
  async protectedTimeToApprove(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<AllocationObject>> {
    return mapNodes(await this.time.toApprove(principal, { size: first, after }), toAllocationObject);
  }

  @Mutation(() => AllocationObject, {
    description: "A lead of the member's institution (not the member) or an admin releases the time",
  })
  async approveProtectedTime(
    @CurrentPrincipal() principal: Principal,
    @IdArg('allocationId') allocationId: string,
  ): Promise<AllocationObject> {
    return toAllocationObject(await this.time.approve(allocationId, principal));
  }

  @Mutation(() => AllocationObject, {
    description:
      "Whoever may approve (a lead of the member's institution, an admin) declines to release proposed time, saying why",
  })
  async rejectProtectedTime(
    @CurrentPrincipal() principal: Principal,
    @IdArg('allocationId') allocationId: string,
    @Args('reason') reason: string,
  ): Promise<AllocationObject> {
    return toAllocationObject(await this.time.reject(allocationId, reason, principal));
  }

  @Mutation(() => TimeLogObject, {
    description:
      'The caller corrects one of their entries (date, hours, activity, note) while its day and the new one are at most 14 days ago',
  })
  async editTimeLog(
    @CurrentPrincipal() principal: Principal,
    @IdArg('entryId') entryId: string,
    @Args('input') input: LogTimeInput,
  ): Promise<TimeLogObject> {
    return toTimeLogObject(await this.time.editTimeLog(entryId, input, principal));
  }

  @Mutation(() => ID, {
    description:
      "The caller deletes one of their entries while its day is at most 14 days ago; returns the entry's id",
  })
  async deleteTimeLog(
    @CurrentPrincipal() principal: Principal,
    @IdArg('entryId') entryId: string,
  ): Promise<string> {
    return (await this.time.deleteTimeLog(entryId, principal)).id;
  }

  @Query(() => [TimeLogObject], {
    description: "The caller's own time-log entries over at most 31 days, oldest first, with their notes",
  })
  async myTimeLogs(
    @CurrentPrincipal() principal: Principal,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<TimeLogObject[]> {
    return (await this.time.myTimeLogs(from, to, principal)).map(toTimeLogObject);
  }

  @Mutation(() => TimeLogObject, { description: 'The caller logs their own research time' })
  async logTime(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: LogTimeInput,
  ): Promise<TimeLogObject> {
    return toTimeLogObject(await this.time.logTime(input, principal));
  }

  @Mutation(() => [TimeLogObject], {
    description: 'The caller logs a week of research time at once: every entry is saved, or none',
  })
  async logTimeWeek(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: LogWeekInput,
  ): Promise<TimeLogObject[]> {
    return (await this.time.logWeek(input.weekStart, input.entries, principal)).map(toTimeLogObject);
  }

  @Mutation(() => AllocationObject, {
    description:
      "Proposes protected time for a member of an accepted or active award (admins for anyone on its team, its principal investigator for the team); a lead of the member's institution or an admin approves it",
  })
  async allocateProtectedTime(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: AllocateProtectedTimeInput,
  ): Promise<AllocationObject> {
    return toAllocationObject(await this.time.allocate(input, principal));
  }

  @Mutation(() => AllocationObject, {
    description:
      'Proposes a new weekly amount from a day inside an allocation to its end (admins, the principal investigator); once approved, the old allocation ends the day before',
  })
  async changeProtectedTime(
    @CurrentPrincipal() principal: Principal,
    @IdArg('allocationId') allocationId: string,
    @Args('input') input: ChangeProtectedTimeInput,
  ): Promise<AllocationObject> {
    return toAllocationObject(await this.time.change(allocationId, input, principal));
  }

  @Query(() => MemberUtilisationObject, {
    description:
      "Weekly utilisation (logged ÷ approved allocation) and the AT_RISK flag: the member, their institution's leads, their supervisor and admins",
  })
  async memberUtilisation(
    @CurrentPrincipal() principal: Principal,
    @IdArg('memberId') memberId: string,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<MemberUtilisationObject> {
    await this.time.assertCanReadTimeOf(memberId, principal);
    const { weeks, months, atRisk, notes } = await this.time.utilisation(memberId, from, to);
    return {
      member: memberRef(memberId),
      atRisk,
      weeks: weeks.map((row) => ({ week: row.period.key, ...toHours(row) })),
      months: months.map((row) => ({ month: row.period.key, ...toHours(row) })),
      notesLogged: principal.memberId === memberId || isAdmin(principal) ? notes : null,
    };
  }

  @Query(() => InstitutionUtilisationObject, {
    description:
      "Weekly utilisation of an institution's members (logged ÷ approved allocation, summed over them): the institution's leads and admins",
  })
  async institutionUtilisation(
    @CurrentPrincipal() principal: Principal,
    @IdArg('institutionId') institutionId: string,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<InstitutionUtilisationObject> {
    const weeks = await this.time.institutionUtilisation(institutionId, from, to, principal);
    return {
      institutionId,
      weeks: weeks.map((row) => ({
        week: isoWeekOf(row.weekStart).key,
        members: row.members,
        allocatedHours: row.allocatedMinuteDays / 7 / 60,
        loggedHours: row.loggedMinutes / 60,
        utilisation: row.allocatedMinuteDays === 0 ? null : (row.loggedMinutes * 7) / row.allocatedMinuteDays,
        complete: row.complete,
      })),
    };
  }

  @ResolveField(() => [AllocationObject], { description: 'Protected time on this award' })
  async protectedTime(
    @Parent() parent: AwardObject,
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
  ): Promise<AllocationObject[]> {
    // the award through the page's award loader (its rule per record), the allocations of the page in one query
    const award = await visibleAward(this.awards, request, principal, parent.id);
    const allocations = await requestGroupLoader(
      request,
      'funding.protectedTime',
      (ids) => this.time.allocationsOf(ids),
      (allocation) => allocation.awardId,
    ).load(award.id);
    return allocations.map(toAllocationObject);
  }
}

/** Fields of an allocation, for whoever was shown it (on an award they see, or in the queue they decide). */
@Resolver(() => AllocationObject)
export class AllocationFieldsResolver {
  constructor(private readonly time: ProtectedTimeService) {}

  @ResolveField(() => String, { description: 'The title of the award the time is for' })
  async awardTitle(@Parent() allocation: AllocationObject, @Context('req') request: object): Promise<string> {
    // the titles of every allocation of a page from one query
    const award = await requestLoader(
      request,
      'funding.awardTitle',
      (ids) => this.time.awardTitles(ids),
      (row) => row.id,
    ).load(allocation.awardId);
    if (!award)
      throw new Error(`the award ${allocation.awardId} of allocation ${allocation.id} did not load`);
    return award.title;
  }
}
