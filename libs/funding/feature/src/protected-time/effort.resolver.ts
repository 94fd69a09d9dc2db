import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@praxis/platform/auth';
import { IdArg } from '@praxis/platform/graphql';
import { TIME_ACTIVITIES } from '@praxis/funding/domain';
import { EffortService, type EffortStatementRow } from './effort.service';
import { EffortStatementObject } from './protected-time.objects';

function toStatementObject(row: EffortStatementRow): EffortStatementObject {
  const { statement, certification } = row;
  return {
    periodIndex: statement.period.index,
    periodStart: statement.period.start,
    periodEnd: statement.period.end,
    allocatedHours: statement.allocatedMinutes / 60,
    loggedHours: statement.loggedMinutes / 60,
    utilisation: statement.utilisation,
    byActivity: TIME_ACTIVITIES.map((activity) => ({
      activity,
      hours: statement.loggedByActivity[activity] / 60,
    })),
    certification:
      certification === null
        ? null
        : {
            certifiedOn: certification.certifiedOn,
            certifiedAt: certification.certifiedAt,
            figuresDigest: certification.figuresDigest,
            matchesCurrentFigures: row.matches ?? false,
          },
  };
}

/** Effort statements: read by whoever may read the member's time; certified by the member alone. */
@Resolver(() => EffortStatementObject)
export class EffortResolver {
  constructor(private readonly effort: EffortService) {}

  @Query(() => [EffortStatementObject], {
    description:
      "A member's effort on an award per six-month award period: the member, their institution's leads, their supervisor and admins",
  })
  async effortStatements(
    @CurrentPrincipal() principal: Principal,
    @IdArg('awardId') awardId: string,
    @IdArg('memberId') memberId: string,
  ): Promise<EffortStatementObject[]> {
    return (await this.effort.statements(awardId, memberId, principal)).map(toStatementObject);
  }

  @Mutation(() => EffortStatementObject, {
    description: 'The member certifies their own effort for an award period that has ended (once)',
  })
  async certifyEffort(
    @CurrentPrincipal() principal: Principal,
    @IdArg('awardId') awardId: string,
    @Args('periodIndex', { type: () => Int }) periodIndex: number,
  ): Promise<EffortStatementObject> {
    return toStatementObject(await this.effort.certify(awardId, periodIndex, principal));
  }
}
