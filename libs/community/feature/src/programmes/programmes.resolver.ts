import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@praxis/platform/auth';
import { IdArg, type Connection, AfterArg, FirstArg, mapNodes } from '@praxis/platform/graphql';
import { formatInZone, type DiversityFieldSummary } from '@praxis/community/domain';
import { viewerOf } from '../shared/access';
import { loadOrganised } from '../shared/organised.loader';
import { ConnectionType } from '@praxis/platform/graphql';
import { ProgrammesService, type ProgrammeView } from './programmes.service';
import { CreateProgrammeInput, ProgrammeObject, SpeakerDiversityFieldObject } from './programme.objects';

export const ProgrammeConnection = ConnectionType(ProgrammeObject, 'Programme');

export function toProgrammeObject(view: ProgrammeView): ProgrammeObject {
  const { programme } = view;
  return {
    id: programme.id,
    communityId: programme.communityId,
    title: programme.title,
    description: programme.description,
    audience: programme.audience,
    capacity: programme.capacity,
    mode: programme.mode,
    applicationOpensAt: programme.applicationOpensAt,
    applicationClosesAt: programme.applicationClosesAt,
    sessions: view.sessions.map((session) => ({
      id: session.id,
      position: session.position,
      theme: session.theme,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      localStart: formatInZone(session.startsAt, session.timeZone),
      durationMinutes: session.durationMinutes,
      joiningLink: view.viewerSeesLinks ? session.joiningLink : null,
      sessionCode: view.viewerIsOrganiser ? session.sessionCode : null,
      speakers: view.speakers
        .filter((speaker) => speaker.sessionId === session.id)
        .map((speaker) => ({ name: speaker.name, role: speaker.role })),
    })),
    reflectionQuestions: programme.reflectionQuestions,
    certificateMinSharePercent: programme.certificateMinSharePercent,
    competitionId: programme.competitionId,
    interests: programme.interests,
    selectionPolicy: programme.selectionPolicy,
    selectedAt: programme.selectedAt,
    viewerIsOrganiser: view.viewerIsOrganiser,
  };
}

@Resolver(() => ProgrammeObject)
export class ProgrammesResolver {
  constructor(private readonly programmesService: ProgrammesService) {}

  @Mutation(() => ProgrammeObject, {
    description: 'A masterclass series with its sessions (admins, or moderators for their community)',
  })
  async createProgramme(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateProgrammeInput,
  ): Promise<ProgrammeObject> {
    return toProgrammeObject(await this.programmesService.create(viewerOf(principal), input));
  }

  @Query(() => ProgrammeObject)
  async programme(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<ProgrammeObject> {
    return toProgrammeObject(await this.programmesService.get(viewerOf(principal), id));
  }

  @Query(() => ProgrammeConnection, {
    description:
      'Programmes by first session; with communityId, that community’s and those sharing its interests',
  })
  async programmes(
    @CurrentPrincipal() principal: Principal,
    @IdArg('communityId', { nullable: true }) communityId: string | null,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<ProgrammeObject>> {
    return mapNodes(
      await this.programmesService.list(viewerOf(principal), communityId ?? null, { size: first, after }),
      toProgrammeObject,
    );
  }

  @ResolveField(() => [SpeakerDiversityFieldObject], {
    description:
      'For organisers: the speakers’ self-described mix; a value held by fewer than 3 is folded into otherCount',
  })
  async speakerDiversity(
    @CurrentPrincipal() principal: Principal,
    @Parent() programme: ProgrammeObject,
    @Context('req') request: object,
  ): Promise<DiversityFieldSummary[]> {
    // the page's speakers in one query; each programme keeps its own organiser check
    const viewer = viewerOf(principal);
    return loadOrganised(
      request,
      'community.speakerDiversity',
      (programmeIds) => this.programmesService.speakerDiversity(viewer, programmeIds),
      programme.id,
    );
  }
}
