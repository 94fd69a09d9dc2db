import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import {
  IdArg,
  type Connection,
  AfterArg,
  FirstArg,
  mapNodes,
  requestLoader,
} from '@praxis/platform/graphql';
import type { ApplicationEntity } from '@praxis/community/data-access';
import {
  CommunityDomainError,
  WIDENING_PARTICIPATION_QUESTIONS,
  type ApplicantAction,
  type ApplicationStatus,
  type SelectionPolicy,
} from '@praxis/community/domain';
import { viewerOf } from '../shared/access';
import { memberRef } from '../shared/objects';
import { ProgrammeObject, SelectionPolicyEnum } from '../programmes/programme.objects';
import { ProgrammesService } from '../programmes/programmes.service';
import { toProgrammeObject } from '../programmes/programmes.resolver';
import { ApplicationsService } from './applications.service';
import {
  ApplicantActionEnum,
  ApplicationConnection,
  ApplicationObject,
  ApplicationStatusEnum,
  ApplyToProgrammeInput,
  MyApplicationConnection,
  MyApplicationObject,
  SelectionResultObject,
  type WideningParticipationObject,
} from './application.objects';

function toApplicationObject(row: ApplicationEntity): ApplicationObject {
  return {
    id: row.id,
    programmeId: row.programmeId,
    member: memberRef(row.memberId),
    status: row.status,
    appliedAt: row.appliedAt,
    waitlistPosition: row.waitlistPosition,
    offerExpiresAt: row.offerExpiresAt,
    decidedAt: row.decidedAt,
  };
}

function toMyApplicationObject(row: ApplicationEntity): MyApplicationObject {
  const answers = Object.fromEntries(
    WIDENING_PARTICIPATION_QUESTIONS.map((question) => [
      question,
      row.wideningParticipation[question] ?? null,
    ]),
  ) as unknown as WideningParticipationObject;
  return { ...toApplicationObject(row), motivation: row.motivation, wideningParticipation: answers };
}

@Resolver(() => ProgrammeObject)
export class ApplicationsResolver {
  constructor(
    private readonly applicationsService: ApplicationsService,
    private readonly programmesService: ProgrammesService,
  ) {}

  @Mutation(() => MyApplicationObject, {
    description:
      'Apply while applications are open; after selection, applicants join the end of the waitlist',
  })
  async applyToProgramme(
    @CurrentPrincipal() principal: Principal,
    @IdArg('programmeId') programmeId: string,
    @Args('input') input: ApplyToProgrammeInput,
  ): Promise<MyApplicationObject> {
    return toMyApplicationObject(
      await this.applicationsService.apply(viewerOf(principal), programmeId, {
        motivation: input.motivation,
        wideningParticipation: { ...(input.wideningParticipation ?? {}) },
      }),
    );
  }

  @Mutation(() => MyApplicationObject, {
    description:
      'CONFIRM an offered place before its deadline, DECLINE a place or offer, or CANCEL; a freed place is offered to the next on the waitlist',
  })
  async respondToPlace(
    @CurrentPrincipal() principal: Principal,
    @IdArg('applicationId') applicationId: string,
    @Args('action', { type: () => ApplicantActionEnum }) action: ApplicantAction,
  ): Promise<MyApplicationObject> {
    return toMyApplicationObject(
      await this.applicationsService.respond(viewerOf(principal), applicationId, action),
    );
  }

  @Roles('admin')
  @Mutation(() => SelectionResultObject, {
    description:
      'Fill the places once, by FIRST_COME or PRIORITY_THEN_LOTTERY; everyone else is waitlisted in order',
  })
  async selectApplicants(
    @CurrentPrincipal() principal: Principal,
    @IdArg('programmeId') programmeId: string,
    @Args('policy', { type: () => SelectionPolicyEnum }) policy: SelectionPolicy,
    @Args('seed', {
      type: () => String,
      nullable: true,
      description: 'Lottery seed; a random one when omitted',
    })
    seed: string | null,
  ): Promise<SelectionResultObject> {
    const viewer = viewerOf(principal);
    const outcome = await this.applicationsService.select(viewer, programmeId, policy, seed ?? null);
    return {
      programme: toProgrammeObject(await this.programmesService.get(viewer, programmeId)),
      policy,
      seed: outcome.programme.selectionSeed,
      accepted: outcome.accepted,
      waitlisted: outcome.waitlisted,
    };
  }

  @Query(() => MyApplicationConnection, { description: 'Your applications, newest first' })
  async myApplications(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<MyApplicationObject>> {
    return mapNodes(
      await this.applicationsService.mineAll(viewerOf(principal), { size: first, after }),
      toMyApplicationObject,
    );
  }

  @ResolveField(() => MyApplicationObject, { nullable: true, description: 'The caller’s own application' })
  async myApplication(
    @CurrentPrincipal() principal: Principal,
    @Parent() programme: ProgrammeObject,
    @Context('req') request: object,
  ): Promise<MyApplicationObject | null> {
    // one query for the caller's applications to every programme of a page (the loader is the request's, so
    // the caller's own)
    const viewer = viewerOf(principal);
    const row = await requestLoader(
      request,
      'community.myApplication',
      (programmeIds) => this.applicationsService.mineOf(viewer, programmeIds),
      (application) => application.programmeId,
    ).load(programme.id);
    return row ? toMyApplicationObject(row) : null;
  }

  @Query(() => ApplicationConnection, {
    description: "For organisers: a programme's applications by time, optionally of one status",
  })
  async programmeApplications(
    @CurrentPrincipal() principal: Principal,
    @IdArg('programmeId') programmeId: string,
    @Args('status', { type: () => ApplicationStatusEnum, nullable: true }) status: ApplicationStatus | null,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<ApplicationObject>> {
    return mapNodes(
      await this.applicationsService.list(viewerOf(principal), programmeId, status ?? null, {
        size: first,
        after,
      }),
      toApplicationObject,
    );
  }
}

/** The programme of each of the caller's applications, for a page of them from one query per table. */
@Resolver(() => MyApplicationObject)
export class MyApplicationFieldsResolver {
  constructor(private readonly programmesService: ProgrammesService) {}

  @ResolveField(() => ProgrammeObject, { description: 'The programme applied to' })
  async programme(
    @CurrentPrincipal() principal: Principal,
    @Parent() application: MyApplicationObject,
    @Context('req') request: object,
  ): Promise<ProgrammeObject> {
    const viewer = viewerOf(principal);
    // an applicant's own view: only ever built from the caller's rows, checked again here
    if (application.member.id !== viewer.memberId)
      throw CommunityDomainError.forbidden('not your application');
    const view = await requestLoader(
      request,
      'community.applicationProgramme',
      (programmeIds) => this.programmesService.getMany(viewer, programmeIds),
      (found) => found.programme.id,
    ).load(application.programmeId);
    if (!view) throw CommunityDomainError.notFound('programme');
    return toProgrammeObject(view);
  }
}
