import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@praxis/platform/auth';
import { IdArg } from '@praxis/platform/graphql';
import type { AllocationEntity } from '@praxis/funding/data-access';
import { AwardObject } from '../award/award.objects';
import { AwardsService } from '../award/awards.service';
import { memberRef } from '../funding.refs';
import {
  AllocationObject,
  LogTimeInput,
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
  };
}

/** Protected time: approval by a lead of the member's institution or an admin, the member's log, utilisation. */
@Resolver(() => AwardObject)
export class ProtectedTimeResolver {
  constructor(
    private readonly time: ProtectedTimeService,
    private readonly awards: AwardsService,
  ) {}

  @Mutation(() => AllocationObject, {
    description: "A lead of the member's institution (not the member) or an admin releases the time",
  })
  async approveProtectedTime(
    @CurrentPrincipal() principal: Principal,
    @IdArg('allocationId') allocationId: string,
  ): Promise<AllocationObject> {
    return toAllocationObject(await this.time.approve(allocationId, principal));
  }

  @Mutation(() => TimeLogObject, { description: 'The caller logs their own research time' })
  async logTime(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: LogTimeInput,
  ): Promise<TimeLogObject> {
    const saved = await this.time.logTime(input, principal);
    return {
      id: saved.id,
      date: saved.day,
      hours: saved.minutes / 60,
      activity: saved.activity,
      note: saved.note,
    };
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
    const { weeks, atRisk } = await this.time.utilisation(memberId, from, to);
    return {
      member: memberRef(memberId),
      atRisk,
      weeks: weeks.map((row) => ({
        week: row.period.key,
        allocatedHours: row.allocatedMinutes / 60,
        loggedHours: row.loggedMinutes / 60,
        utilisation: row.utilisation,
        complete: row.complete,
      })),
    };
  }

  @ResolveField(() => [AllocationObject], { description: 'Protected time on this award' })
  async protectedTime(
    @Parent() parent: AwardObject,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AllocationObject[]> {
    const award = await this.awards.get(parent.id, principal);
    return (await this.time.allocationsOf(award.id)).map(toAllocationObject);
  }
}
