import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, OptionalPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { IdArg, publicError } from '@praxis/platform/graphql';
import type { InstitutionChangeEntity } from '@praxis/membership/data-access';
import { profileView } from '@praxis/membership/domain';
import { InstitutionChangesService } from './institution-changes.service';
import { toInstitutionObject, toMemberObject, viewerOf } from './membership.mapper';
import { InstitutionChangeObject, InstitutionObject, MemberObject } from './membership.objects';
import { institutionLoader, memberLoader } from './membership.resolver';
import { MembershipService } from './membership.service';

function toChangeObject(change: InstitutionChangeEntity): InstitutionChangeObject {
  return {
    id: change.id,
    memberId: change.memberId,
    fromInstitutionId: change.fromInstitutionId,
    toInstitutionId: change.toInstitutionId,
    status: change.status,
    requestedAt: change.requestedAt,
    decidedAt: change.decidedAt,
    reason: change.reason,
  };
}

/** Requests to change institution, and their confirmation by a lead of the new institution or an admin. */
@Resolver(() => InstitutionChangeObject)
export class InstitutionChangeResolver {
  constructor(
    private readonly changes: InstitutionChangesService,
    private readonly membership: MembershipService,
  ) {}

  @Roles('admin', 'lead')
  @Query(() => [InstitutionChangeObject], {
    description: 'Pending requests you may decide: into your institution (leads) or all of them (admins)',
  })
  async institutionChangesToConfirm(
    @CurrentPrincipal() principal: Principal,
  ): Promise<InstitutionChangeObject[]> {
    return (await this.changes.toConfirm(principal)).map(toChangeObject);
  }

  @Roles('admin', 'lead')
  @Mutation(() => InstitutionChangeObject, {
    description: "The member's institution becomes the requested one (other services hear of it now)",
  })
  async confirmInstitutionChange(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<InstitutionChangeObject> {
    return toChangeObject(await this.changes.confirm(id, principal));
  }

  @Roles('admin', 'lead')
  @Mutation(() => InstitutionChangeObject, {
    description: 'The member keeps their institution; the reason is kept',
  })
  async rejectInstitutionChange(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('reason') reason: string,
  ): Promise<InstitutionChangeObject> {
    return toChangeObject(await this.changes.reject(id, principal, reason));
  }

  @ResolveField(() => MemberObject)
  async member(
    @Parent() change: InstitutionChangeObject,
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<MemberObject> {
    const member = await memberLoader(this.membership, request).load(change.memberId);
    if (!member) throw publicError('NOT_FOUND', 'member not found');
    return toMemberObject(member, viewerOf(principal));
  }

  @ResolveField(() => InstitutionObject)
  async fromInstitution(
    @Parent() change: InstitutionChangeObject,
    @Context('req') request: object,
  ): Promise<InstitutionObject> {
    return this.institution(change.fromInstitutionId, request);
  }

  @ResolveField(() => InstitutionObject)
  async toInstitution(
    @Parent() change: InstitutionChangeObject,
    @Context('req') request: object,
  ): Promise<InstitutionObject> {
    return this.institution(change.toInstitutionId, request);
  }

  private async institution(id: string, request: object): Promise<InstitutionObject> {
    const institution = await institutionLoader(this.membership, request).load(id);
    if (!institution) throw publicError('NOT_FOUND', 'institution not found');
    return toInstitutionObject(institution);
  }
}

/** A member's history of institution changes: private, like their e-mail. */
@Resolver(() => MemberObject)
export class MemberInstitutionChangesResolver {
  constructor(private readonly changes: InstitutionChangesService) {}

  @ResolveField(() => [InstitutionChangeObject], { nullable: true })
  async institutionChanges(
    @Parent() member: MemberObject,
    @OptionalPrincipal() principal: Principal | null,
  ): Promise<InstitutionChangeObject[] | null> {
    if (profileView(viewerOf(principal), member) !== 'full') return null;
    return (await this.changes.history(member.id)).map(toChangeObject);
  }
}
