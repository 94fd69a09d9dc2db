import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import type { Role } from '@praxis/contracts';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles, type Principal } from '@praxis/platform/auth';
import {
  AfterArg,
  badUserInput,
  FirstArg,
  IdArg,
  InputArg,
  isUuid,
  mapNodes,
  publicError,
  type Connection,
} from '@praxis/platform/graphql';
import { toInstitutionObject, toMemberObject, viewerOf } from './membership.mapper';
import {
  CreateInstitutionInput,
  DemographicsInput,
  DemographicsObject,
  InstitutionConnection,
  InstitutionObject,
  MemberConnection,
  MemberObject,
  MembersFilter,
  RoleEnum,
  RoleGrantObject,
  UpdateProfileInput,
} from './membership.objects';
import { callerRead, institutionLoader, memberLoader } from './membership.loaders';
import { MembershipService } from './membership.service';

@Resolver(() => MemberObject)
export class MemberResolver {
  constructor(private readonly membership: MembershipService) {}

  @Query(() => MemberObject, { description: 'The signed-in member, with private fields' })
  async me(@CurrentPrincipal() principal: Principal, @Context('req') request: object): Promise<MemberObject> {
    // the guard's query has just read the caller's row and current roles: no second read
    const member =
      callerRead(request, principal.memberId) ??
      (await this.membership.findMember(principal.memberId, principal.roles));
    if (!member) throw publicError('NOT_FOUND', 'your account no longer exists');
    return toMemberObject(member, viewerOf(principal));
  }

  @Query(() => MemberObject, { nullable: true })
  async member(
    @IdArg('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberObject | null> {
    const member = await this.membership.findMember(id);
    return member ? toMemberObject(member, viewerOf(principal)) : null;
  }

  @Query(() => MemberConnection, { description: 'Newest first' })
  async members(
    @CurrentPrincipal() principal: Principal,
    @InputArg('filter', MembersFilter, { nullable: true }) filter: MembersFilter | null,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<MemberObject>> {
    const page = await this.membership.listMembers(filter ?? {}, first, after);
    const viewer = viewerOf(principal);
    return mapNodes(page, (member) => toMemberObject(member, viewer));
  }

  @Mutation(() => MemberObject)
  async updateMyProfile(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: UpdateProfileInput,
  ): Promise<MemberObject> {
    return toMemberObject(
      await this.membership.updateProfile(principal.memberId, input),
      viewerOf(principal),
    );
  }

  @Roles('admin')
  @Mutation(() => MemberObject)
  async grantRole(
    @CurrentPrincipal() principal: Principal,
    @IdArg('memberId') memberId: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
    @IdArg('institutionId', { nullable: true }) institutionId: string | null,
  ): Promise<MemberObject> {
    return toMemberObject(
      await this.membership.grantRole(memberId, role, institutionId, principal.memberId),
      viewerOf(principal),
    );
  }

  @Roles('admin')
  @Mutation(() => MemberObject)
  async revokeRole(
    @CurrentPrincipal() principal: Principal,
    @IdArg('memberId') memberId: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
    @IdArg('institutionId', { nullable: true }) institutionId: string | null,
  ): Promise<MemberObject> {
    return toMemberObject(
      await this.membership.revokeRole(memberId, role, institutionId),
      viewerOf(principal),
    );
  }

  @Query(() => DemographicsObject, {
    nullable: true,
    description: 'Your own voluntary answers; nobody else can read them',
  })
  async myDemographics(@CurrentPrincipal() principal: Principal): Promise<DemographicsObject | null> {
    return this.membership.demographicsOf(principal.memberId);
  }

  @Mutation(() => DemographicsObject, { description: 'Voluntary; every question has PREFER_NOT_TO_SAY' })
  async recordDemographics(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: DemographicsInput,
  ): Promise<DemographicsObject> {
    return this.membership.recordDemographics(principal.memberId, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Erases your voluntary answers here and from the reporting topic; true when there were answers to erase',
  })
  async eraseMyDemographics(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    return this.membership.eraseDemographics(principal.memberId);
  }

  @Roles('admin')
  @Mutation(() => Boolean, {
    description:
      "Erases a member's voluntary answers (a request made outside Praxis); true when there were any",
  })
  async eraseMemberDemographics(@IdArg('memberId') memberId: string): Promise<boolean> {
    return this.membership.eraseDemographics(memberId);
  }

  @ResolveField(() => InstitutionObject)
  async institution(
    @Parent() member: MemberObject,
    @Context('req') request: object,
  ): Promise<InstitutionObject> {
    const institution = await institutionOf(this.membership, request, member.institutionId);
    if (!institution) throw publicError('NOT_FOUND', 'institution not found');
    return institution;
  }

  /** Other subgraphs reference members by id; the same visibility rules apply to the forwarded caller. */
  @ResolveReference()
  async resolveReference(
    // with any parameter decorator present, Nest passes the reference only through @Parent()
    @Parent() reference: { id: string },
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<MemberObject | null> {
    if (!isUuid(reference.id)) return null;
    const member = await memberLoader(this.membership, request).load(reference.id);
    return member ? toMemberObject(member, viewerOf(principal)) : null;
  }
}

/** An institution by id, batched with every other of the request (institutions are public). */
async function institutionOf(
  membership: MembershipService,
  request: object,
  id: string,
): Promise<InstitutionObject | null> {
  const institution = await institutionLoader(membership, request).load(id);
  return institution ? toInstitutionObject(institution) : null;
}

@Resolver(() => RoleGrantObject)
export class RoleGrantResolver {
  constructor(private readonly membership: MembershipService) {}

  /** So a client names the institutions a lead watches without a list of every institution. */
  @ResolveField(() => InstitutionObject, {
    nullable: true,
    description: 'The institution a lead watches (null for roles without one)',
  })
  async institution(
    @Parent() grant: RoleGrantObject,
    @Context('req') request: object,
  ): Promise<InstitutionObject | null> {
    return grant.institutionId ? institutionOf(this.membership, request, grant.institutionId) : null;
  }
}

/** The longest `nameContains` an institution search takes (institution names are shorter). */
const MAX_NAME_FILTER = 200;

@Resolver(() => InstitutionObject)
export class InstitutionResolver {
  constructor(private readonly membership: MembershipService) {}

  @Public()
  @Query(() => InstitutionConnection, {
    description:
      'Public, so people can choose theirs when they register; by name, A to Z, optionally those whose name contains `nameContains` (any case)',
  })
  async institutions(
    @Args('nameContains', { type: () => String, nullable: true }) nameContains: string | null,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<InstitutionObject>> {
    const text = nameContains?.trim() ?? '';
    if (text.length > MAX_NAME_FILTER) {
      throw badUserInput([
        {
          field: 'nameContains',
          rule: 'maxLength',
          message: `must be at most ${MAX_NAME_FILTER} characters`,
        },
      ]);
    }
    return mapNodes(
      await this.membership.institutions(text || null, { size: first, after }),
      toInstitutionObject,
    );
  }

  @Roles('admin')
  @Mutation(() => InstitutionObject)
  async createInstitution(@Args('input') input: CreateInstitutionInput): Promise<InstitutionObject> {
    return toInstitutionObject(await this.membership.createInstitution(input.name, input.country));
  }

  @Public()
  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context('req') request: object,
  ): Promise<InstitutionObject | null> {
    return isUuid(reference.id) ? institutionOf(this.membership, request, reference.id) : null;
  }
}
