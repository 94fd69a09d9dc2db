import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { EngagementFunnelInput, EngagementFunnelObject } from './metrics.objects';
import { MetricsService } from './metrics.service';

@Resolver(() => EngagementFunnelObject)
export class MetricsResolver {
  constructor(private readonly metrics: MetricsService) {}

  @Roles('lead', 'admin')
  @Query(() => EngagementFunnelObject, {
    description:
      'The engagement funnel per bucket, optionally split (career stage, institution, or a voluntary demographic answer: aggregates only), small counts suppressed; a lead sees their own institution beside the network, an admin any institution or the network',
  })
  async engagementFunnel(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: EngagementFunnelInput,
  ): Promise<EngagementFunnelObject> {
    return this.metrics.funnel(principal, {
      institutionId: input.institutionId?.toLowerCase() ?? null,
      from: input.from,
      to: input.to,
      granularity: input.granularity,
      splitBy: input.splitBy ?? 'NONE',
    });
  }
}
