import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, isAdmin, isLeadOf, type Principal } from '@praxis/platform/auth';
import { AfterArg, FirstArg, IdArg, mapNodes, paginate, type Connection } from '@praxis/platform/graphql';
import { EngagementDomainError, EngagementErrorCode } from '@praxis/engagement/domain';
import { EngagementActivityEntity, EngagementMemberEntity } from '@praxis/engagement/data-access';
import {
  MemberActivityConnection,
  MemberEngagementRecordObject,
  type MemberActivityKind,
  type MemberActivityObject,
} from './member-record.objects';

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
    const member = await this.dataSource.manager.findOneBy(EngagementMemberEntity, { memberId });
    const allowed =
      principal.memberId === memberId ||
      isAdmin(principal) ||
      (member !== null && isLeadOf(principal, member.institutionId));
    // the same answer for "no such member" and "not yours", so a lead cannot probe other institutions
    if (!member || !allowed) {
      throw new EngagementDomainError(EngagementErrorCode.NOT_FOUND, 'no engagement record for that member');
    }
    return {
      memberId: member.memberId,
      institutionId: member.institutionId,
      careerStage: member.careerStage,
      registeredAt: member.registeredAt,
    };
  }

  /** The record's timeline, newest first; authorised with the record that returned it. */
  @ResolveField(() => MemberActivityConnection, { description: 'Newest first' })
  async activities(
    @Parent() record: MemberEngagementRecordObject,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<MemberActivityObject>> {
    const page = await paginate(
      this.dataSource
        .getRepository(EngagementActivityEntity)
        .createQueryBuilder('a')
        .where('a.member_id = :memberId', { memberId: record.memberId }),
      { size: first, after },
      ['occurredAt', 'activity', 'sourceId'],
    );
    return mapNodes(page, (row) => ({
      activity: row.activity as MemberActivityKind,
      occurredAt: row.occurredAt,
      label: row.label,
    }));
  }
}
