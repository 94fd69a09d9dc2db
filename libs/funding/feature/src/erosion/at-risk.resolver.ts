import { Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@praxis/platform/auth';
import { AfterArg, FirstArg, mapNodes, type Connection } from '@praxis/platform/graphql';
import { memberRef } from '../funding.refs';
import { AtRiskMemberConnection, AtRiskMemberObject } from './at-risk.objects';
import { ErosionService } from './erosion.service';

/** The stored AT_RISK flags, per record: each caller sees only the members they may see. */
@Resolver(() => AtRiskMemberObject)
export class AtRiskResolver {
  constructor(private readonly erosion: ErosionService) {}

  @Query(() => AtRiskMemberConnection, {
    description:
      "Members flagged AT_RISK by the weekly check, most recently flagged first: leads their institution's members, supervisors the leads of awards they supervise, members themselves, admins all",
  })
  async atRiskMembers(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<AtRiskMemberObject>> {
    const page = await this.erosion.atRiskMembers(principal, { size: first, after: after ?? null });
    return mapNodes(page, (row) => ({
      member: memberRef(row.memberId),
      episodeStartedWeek: row.episodeStartedWeek ?? '',
      firstLowWeek: row.firstLowWeek,
      flaggedAt: row.flaggedAt ?? row.updatedAt,
    }));
  }
}
