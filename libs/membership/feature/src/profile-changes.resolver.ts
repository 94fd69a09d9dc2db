import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, OptionalPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { AfterArg, FirstArg, IdArg, mapNodes, publicError, type Connection } from '@praxis/platform/graphql';
import type {
  CareerStageChangeEntity,
  InstitutionChangeEntity,
  RegistrationConfirmationEntity,
} from '@praxis/membership/data-access';
import { profileView } from '@praxis/membership/domain';
import {
  CareerStageChangesService,
  InstitutionChangesService,
  RegistrationConfirmationsService,
} from './profile-changes.service';
import { toInstitutionObject, toMemberObject, viewerOf } from './membership.mapper';
import {
  CareerStageChangeConnection,
  CareerStageChangeObject,
  InstitutionChangeConnection,
  InstitutionChangeObject,
  InstitutionObject,
  MemberObject,
  RegistrationConfirmationConnection,
  RegistrationConfirmationObject,
} from './membership.objects';
import { institutionLoader, memberLoader, profileChangesLoader } from './membership.loaders';
import { MembershipService } from './membership.service';

function toChangeObject(change: InstitutionChangeEntity): InstitutionChangeObject {
  const { id, memberId, fromInstitutionId, toInstitutionId, status, requestedAt, decidedAt, reason } = change;
  return { id, memberId, fromInstitutionId, toInstitutionId, status, requestedAt, decidedAt, reason };
}

function toStageChangeObject(change: CareerStageChangeEntity): CareerStageChangeObject {
  const { id, memberId, fromStage, toStage, status, requestedAt, decidedAt, reason } = change;
  return { id, memberId, fromStage, toStage, status, requestedAt, decidedAt, reason };
}

function toRegistrationObject(change: RegistrationConfirmationEntity): RegistrationConfirmationObject {
  const { id, memberId, institutionId, careerStage, status, requestedAt, decidedAt, reason } = change;
  return { id, memberId, institutionId, careerStage, status, requestedAt, decidedAt, reason };
}

/** The member a change is about, seen as the caller may see them. */
async function changedMember(
  membership: MembershipService,
  request: object,
  principal: Principal | null,
  memberId: string,
): Promise<MemberObject> {
  const member = await memberLoader(membership, request).load(memberId);
  if (!member) throw publicError('NOT_FOUND', 'member not found');
  return toMemberObject(member, viewerOf(principal));
}

async function institutionOf(
  membership: MembershipService,
  request: object,
  id: string,
): Promise<InstitutionObject> {
  const institution = await institutionLoader(membership, request).load(id);
  if (!institution) throw publicError('NOT_FOUND', 'institution not found');
  return toInstitutionObject(institution);
}

/** Requests to change institution, and their confirmation by a lead of the new institution or an admin. */
@Resolver(() => InstitutionChangeObject)
export class InstitutionChangeResolver {
  constructor(
    private readonly changes: InstitutionChangesService,
    private readonly membership: MembershipService,
  ) {}

  @Roles('admin', 'lead')
  @Query(() => InstitutionChangeConnection, {
    description:
      'Pending requests you may decide, oldest first: into your institution (leads) or all of them (admins)',
  })
  async institutionChangesToConfirm(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<InstitutionChangeObject>> {
    return mapNodes(await this.changes.toConfirm(principal, { size: first, after }), toChangeObject);
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
    return changedMember(this.membership, request, principal, change.memberId);
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
    return institutionOf(this.membership, request, id);
  }
}

/** Requests to change career stage, and their confirmation by a lead of the member's institution or an admin. */
@Resolver(() => CareerStageChangeObject)
export class CareerStageChangeResolver {
  constructor(
    private readonly changes: CareerStageChangesService,
    private readonly membership: MembershipService,
  ) {}

  @Roles('admin', 'lead')
  @Query(() => CareerStageChangeConnection, {
    description:
      'Pending requests you may decide, oldest first: of members of your institution (leads) or all of them (admins)',
  })
  async careerStageChangesToConfirm(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<CareerStageChangeObject>> {
    return mapNodes(await this.changes.toConfirm(principal, { size: first, after }), toStageChangeObject);
  }

  @Roles('admin', 'lead')
  @Mutation(() => CareerStageChangeObject, {
    description: "The member's career stage becomes the requested one (other services hear of it now)",
  })
  async confirmCareerStageChange(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<CareerStageChangeObject> {
    return toStageChangeObject(await this.changes.confirm(id, principal));
  }

  @Roles('admin', 'lead')
  @Mutation(() => CareerStageChangeObject, {
    description: 'The member keeps their career stage; the reason is kept',
  })
  async rejectCareerStageChange(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('reason') reason: string,
  ): Promise<CareerStageChangeObject> {
    return toStageChangeObject(await this.changes.reject(id, principal, reason));
  }

  @ResolveField(() => MemberObject)
  async member(
    @Parent() change: CareerStageChangeObject,
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<MemberObject> {
    return changedMember(this.membership, request, principal, change.memberId);
  }
}

/**
 * New members' institution and career stage, confirmed by a lead of the member's institution or an admin: leads
 * list the new members who named their institution as they list changes.
 */
@Resolver(() => RegistrationConfirmationObject)
export class RegistrationConfirmationResolver {
  constructor(
    private readonly confirmations: RegistrationConfirmationsService,
    private readonly membership: MembershipService,
  ) {}

  @Roles('admin', 'lead')
  @Query(() => RegistrationConfirmationConnection, {
    description:
      'New members whose institution and career stage you may confirm, oldest first: members of your institution (leads) or all of them (admins)',
  })
  async registrationsToConfirm(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<RegistrationConfirmationObject>> {
    return mapNodes(
      await this.confirmations.toConfirm(principal, { size: first, after }),
      toRegistrationObject,
    );
  }

  @Roles('admin', 'lead')
  @Mutation(() => RegistrationConfirmationObject, {
    description: "The member's institution and career stage count from now (other services hear of it now)",
  })
  async confirmRegistration(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<RegistrationConfirmationObject> {
    return toRegistrationObject(await this.confirmations.confirm(id, principal));
  }

  @Roles('admin', 'lead')
  @Mutation(() => RegistrationConfirmationObject, {
    description:
      'The member stays unconfirmed (they may ask to move institution); the reason is kept and shown to them',
  })
  async rejectRegistration(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('reason') reason: string,
  ): Promise<RegistrationConfirmationObject> {
    return toRegistrationObject(await this.confirmations.reject(id, principal, reason));
  }

  @ResolveField(() => MemberObject)
  async member(
    @Parent() change: RegistrationConfirmationObject,
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<MemberObject> {
    return changedMember(this.membership, request, principal, change.memberId);
  }

  @ResolveField(() => InstitutionObject, { description: 'The institution named at registration' })
  async institution(
    @Parent() change: RegistrationConfirmationObject,
    @Context('req') request: object,
  ): Promise<InstitutionObject> {
    return institutionOf(this.membership, request, change.institutionId);
  }
}

/** A member's history of institution and career stage changes: private, like their e-mail. */
@Resolver(() => MemberObject)
export class MemberProfileChangesResolver {
  constructor(
    private readonly institutions: InstitutionChangesService,
    private readonly careerStages: CareerStageChangesService,
    private readonly registrations: RegistrationConfirmationsService,
  ) {}

  @ResolveField(() => RegistrationConfirmationObject, { nullable: true })
  async registrationConfirmation(
    @Parent() member: MemberObject,
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<RegistrationConfirmationObject | null> {
    if (profileView(viewerOf(principal), member) !== 'full') return null;
    const [latest] = await profileChangesLoader(request, 'membership.registrationConfirmation', (ids) =>
      this.registrations.latestOf(ids),
    ).load(member.id);
    return latest ? toRegistrationObject(latest) : null;
  }

  @ResolveField(() => [InstitutionChangeObject], { nullable: true })
  async institutionChanges(
    @Parent() member: MemberObject,
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<InstitutionChangeObject[] | null> {
    if (profileView(viewerOf(principal), member) !== 'full') return null;
    const rows = await profileChangesLoader(request, 'membership.institutionChanges', (ids) =>
      this.institutions.historyOf(ids),
    ).load(member.id);
    return rows.map(toChangeObject);
  }

  @ResolveField(() => [CareerStageChangeObject], { nullable: true })
  async careerStageChanges(
    @Parent() member: MemberObject,
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<CareerStageChangeObject[] | null> {
    if (profileView(viewerOf(principal), member) !== 'full') return null;
    const rows = await profileChangesLoader(request, 'membership.careerStageChanges', (ids) =>
      this.careerStages.historyOf(ids),
    ).load(member.id);
    return rows.map(toStageChangeObject);
  }
}
