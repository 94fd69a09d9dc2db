import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@praxis/platform/auth';
import {
  IdArg,
  type Connection,
  AfterArg,
  FirstArg,
  mapNodes,
  requestLoader,
} from '@praxis/platform/graphql';
import type { ReflectionEntity } from '@praxis/community/data-access';
import { viewerOf } from '../shared/access';
import { loadOrganised } from '../shared/organised.loader';
import { ProgrammeObject } from '../programmes/programme.objects';
import { ReflectionsService } from './reflections.service';
import {
  ReflectionConnection,
  ReflectionCountsObject,
  ReflectionObject,
  ReflectionSubmittedObject,
  SubmitReflectionInput,
} from './reflection.objects';

function toReflectionObject(row: ReflectionEntity): ReflectionObject {
  return { id: row.id, submittedOn: row.submittedOn, answers: row.answers, hidden: row.hidden };
}

@Resolver(() => ProgrammeObject)
export class ReflectionsResolver {
  constructor(private readonly reflectionsService: ReflectionsService) {}

  @Mutation(() => ReflectionSubmittedObject, {
    description:
      'Once per attendee, for 28 days after the last session; stored with no link to you (day only, no id back)',
  })
  async submitReflection(
    @CurrentPrincipal() principal: Principal,
    @IdArg('programmeId') programmeId: string,
    @Args('input') input: SubmitReflectionInput,
  ): Promise<ReflectionSubmittedObject> {
    return this.reflectionsService.submit(viewerOf(principal), programmeId, input.answers);
  }

  @Mutation(() => ReflectionObject, {
    description: 'Organisers flag a reflection and hide it (or show it again)',
  })
  async setReflectionHidden(
    @CurrentPrincipal() principal: Principal,
    @IdArg('reflectionId') reflectionId: string,
    @Args('hidden') hidden: boolean,
  ): Promise<ReflectionObject> {
    return toReflectionObject(
      await this.reflectionsService.setHidden(viewerOf(principal), reflectionId, hidden),
    );
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller has submitted their reflection' })
  async myReflectionSubmitted(
    @CurrentPrincipal() principal: Principal,
    @Parent() programme: ProgrammeObject,
    @Context('req') request: object,
  ): Promise<boolean> {
    // one query for every programme of a page
    const viewer = viewerOf(principal);
    const submitted = await requestLoader(
      request,
      'community.myReflectionSubmitted',
      async (programmeIds) => this.reflectionsService.submittedAmong(viewer, programmeIds),
      (programmeId) => programmeId,
    ).load(programme.id);
    return submitted !== null;
  }

  @Query(() => ReflectionConnection, {
    description:
      "For organisers: a programme's anonymous reflections, newest day first; hidden ones on request",
  })
  async programmeReflections(
    @CurrentPrincipal() principal: Principal,
    @IdArg('programmeId') programmeId: string,
    @Args('includeHidden', { defaultValue: false }) includeHidden: boolean,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<ReflectionObject>> {
    return mapNodes(
      await this.reflectionsService.list(viewerOf(principal), programmeId, includeHidden, {
        size: first,
        after,
      }),
      toReflectionObject,
    );
  }

  @ResolveField(() => ReflectionCountsObject, { description: 'For organisers' })
  async reflectionCounts(
    @CurrentPrincipal() principal: Principal,
    @Parent() programme: ProgrammeObject,
    @Context('req') request: object,
  ): Promise<ReflectionCountsObject> {
    // the page's counts in one query; each programme keeps its own organiser check
    const viewer = viewerOf(principal);
    return loadOrganised(
      request,
      'community.reflectionCounts',
      (programmeIds) => this.reflectionsService.counts(viewer, programmeIds),
      programme.id,
    );
  }
}
