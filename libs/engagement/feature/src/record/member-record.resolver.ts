import { Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, isAdmin, isLeadOf, type Principal } from '@praxis/platform/auth';
import { IdArg } from '@praxis/platform/graphql';
import { EngagementDomainError, EngagementErrorCode } from '@praxis/engagement/domain';
import { EngagementActivityEntity, EngagementMemberEntity } from '@praxis/engagement/data-access';
import { MemberEngagementRecordObject } from './member-record.objects';

@Resolver(() => MemberEngagementRecordObject)
export class MemberRecordResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Roles('member')
  @Query(() => MemberEngagementRecordObject, {
    description:
      "A member's engagement record: the member their own, a lead their institution's members, an admin anyone's",
  })
  async memberEngagementRecord(
    @CurrentPrincipal() principal: Principal,
    @IdArg('memberId') memberId: string,
  ): Promise<MemberEngagementRecordObject> {
    const manager = this.dataSource.manager;
    const member = await manager.findOneBy(EngagementMemberEntity, { memberId });
    const allowed =
      principal.memberId === memberId ||
      isAdmin(principal) ||
      (member !== null && isLeadOf(principal, member.institutionId));
    // the same answer for "no such member" and "not yours", so a lead cannot probe other institutions
    if (!member || !allowed) {
      throw new EngagementDomainError(EngagementErrorCode.NOT_FOUND, 'no engagement record for that member');
    }
    const activities = await manager.find(EngagementActivityEntity, {
      where: { memberId },
      order: { occurredAt: 'ASC', activity: 'ASC' },
      take: 500,
    });
    return {
      memberId: member.memberId,
      institutionId: member.institutionId,
      careerStage: member.careerStage,
      registeredAt: member.registeredAt,
      activities: activities.map((row) => ({
        activity: row.activity,
        occurredAt: row.occurredAt,
        label: row.label,
      })),
    };
  }
}
