import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CommunityProgrammeCreatedV1, normaliseInterestTags } from '@praxis/contracts';
import { mapNodes, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  ApplicationEntity,
  CommunityEntity,
  ProgrammeEntity,
  ProgrammeSessionEntity,
  ProgrammeSpeakerEntity,
} from '@praxis/community/data-access';
import {
  CommunityDomainError,
  generateSessionCode,
  localDateTimeToInstant,
  speakerDiversitySummary,
  validateProgramme,
  type DiversityFieldSummary,
  type FieldError,
  type ProgrammeMode,
} from '@praxis/community/domain';
import type { CareerStage } from '@praxis/contracts';
import { COMMUNITY_OPTIONS, type CommunityOptions } from '../community.options';
import {
  forOrganisedProgrammes,
  isModerator,
  organisedAmong,
  type Organised,
  type Viewer,
} from '../shared/access';
import { groupedBy } from '../shared/grouped';
import { cleanTerms } from '../shared/terms';

/** The speakers' voluntary, self-described fields, in the order they are reported. */
export const SPEAKER_DIVERSITY_FIELDS = ['gender', 'ethnicity', 'disability'] as const;

export interface CreateProgrammeCommand {
  communityId?: string | null;
  title: string;
  description: string;
  audience: CareerStage[];
  capacity: number;
  mode: ProgrammeMode;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  reflectionQuestions: string[];
  certificateMinSharePercent: number;
  competitionId?: string | null;
  interests: string[];
  sessions: Array<{
    theme: string;
    startsAt?: Date | null;
    localDate?: string | null;
    localTime?: string | null;
    timeZone: string;
    durationMinutes: number;
    joiningLink?: string | null;
    speakers: Array<{
      name: string;
      role: string;
      gender?: string | null;
      ethnicity?: string | null;
      disability?: string | null;
    }>;
  }>;
}

export interface ProgrammeView {
  programme: ProgrammeEntity;
  sessions: ProgrammeSessionEntity[];
  speakers: ProgrammeSpeakerEntity[];
  viewerIsOrganiser: boolean;
  /** Accepted attendees and organisers see joining links. */
  viewerSeesLinks: boolean;
}

/** Programmes (masterclass series) and their sessions; places and applications are ApplicationsService's. */
@Injectable()
export class ProgrammesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(COMMUNITY_OPTIONS) private readonly options: CommunityOptions,
  ) {}

  async create(viewer: Viewer, input: CreateProgrammeCommand): Promise<ProgrammeView> {
    return this.dataSource.transaction(async (manager) => {
      const communityId = input.communityId ?? null;
      if (communityId !== null && !(await manager.existsBy(CommunityEntity, { id: communityId }))) {
        throw CommunityDomainError.invalid('input.communityId', 'exists', 'is not a community');
      }
      if (!viewer.isAdmin && !(await isModerator(manager, communityId, viewer.memberId))) {
        throw CommunityDomainError.forbidden(
          "only admins, or a community's moderators for their community, create programmes",
        );
      }
      const starts = resolveSessionStarts(input.sessions);
      const rules = validateProgramme({
        title: input.title,
        description: input.description,
        audience: input.audience,
        capacity: input.capacity,
        applicationOpensAt: input.applicationOpensAt,
        applicationClosesAt: input.applicationClosesAt,
        mode: input.mode,
        sessions: input.sessions.map((session, index) => ({
          theme: session.theme,
          startsAt: starts[index],
          timeZone: session.timeZone,
          durationMinutes: session.durationMinutes,
          joiningLink: session.joiningLink ?? null,
        })),
      });
      const questions = cleanTerms(input.reflectionQuestions).map((prompt, index) => ({
        id: `q${index + 1}`,
        prompt,
      }));
      const programme = await manager.save(
        manager.create(ProgrammeEntity, {
          communityId,
          title: rules.title,
          description: rules.description,
          audience: [...rules.audience],
          capacity: rules.capacity,
          mode: rules.mode,
          applicationOpensAt: rules.applicationOpensAt,
          applicationClosesAt: rules.applicationClosesAt,
          firstSessionStartsAt: rules.sessions[0].startsAt,
          lastSessionEndsAt: rules.sessions[rules.sessions.length - 1].endsAt,
          competitionId: input.competitionId ?? null,
          certificateMinSharePercent: input.certificateMinSharePercent,
          reflectionQuestions: questions,
          interests: cleanTerms(input.interests),
          createdBy: viewer.memberId,
        }),
      );
      // rules.sessions are in start order; speakers follow their own session through the sort
      const order = input.sessions
        .map((session, index) => ({ session, startsAt: starts[index], index }))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.index - b.index);
      const sessions = await manager.save(
        rules.sessions.map((session, index) =>
          manager.create(ProgrammeSessionEntity, {
            programmeId: programme.id,
            position: index + 1,
            theme: session.theme,
            startsAt: session.startsAt,
            endsAt: session.endsAt,
            timeZone: session.timeZone,
            durationMinutes: session.durationMinutes,
            joiningLink: session.joiningLink,
            sessionCode: generateSessionCode(),
          }),
        ),
      );
      const speakers = await manager.save(
        order.flatMap(({ session }, index) =>
          session.speakers.map((speaker) =>
            manager.create(ProgrammeSpeakerEntity, {
              programmeId: programme.id,
              sessionId: sessions[index].id,
              name: speaker.name.trim(),
              role: speaker.role.trim(),
              selfDescription: Object.fromEntries(
                SPEAKER_DIVERSITY_FIELDS.flatMap((field) => {
                  const value = speaker[field]?.trim() ?? '';
                  return value === '' ? [] : [[field, value]];
                }),
              ),
            }),
          ),
        ),
      );
      await appendToOutbox(manager, CommunityProgrammeCreatedV1, programme.id, {
        programmeId: programme.id,
        communityId,
        title: programme.title,
        audience: programme.audience,
        capacity: programme.capacity,
        mode: programme.mode,
        applicationOpensAt: programme.applicationOpensAt.toISOString(),
        applicationClosesAt: programme.applicationClosesAt.toISOString(),
        competitionId: programme.competitionId,
        sessions: sessions.map((session) => ({
          sessionId: session.id,
          theme: session.theme,
          startsAt: session.startsAt.toISOString(),
          endsAt: session.endsAt.toISOString(),
          timeZone: session.timeZone,
        })),
        createdAt: programme.createdAt.toISOString(),
      });
      return { programme, sessions, speakers, viewerIsOrganiser: true, viewerSeesLinks: true };
    });
  }

  async get(viewer: Viewer, id: string): Promise<ProgrammeView> {
    const programme = await this.dataSource.manager.findOneBy(ProgrammeEntity, { id });
    if (!programme) throw CommunityDomainError.notFound('programme');
    return (await this.views(this.dataSource.manager, viewer, [programme]))[0];
  }

  /** The programmes of these ids as the caller sees them, from one query per table (a page's applications). */
  async getMany(viewer: Viewer, ids: readonly string[]): Promise<ProgrammeView[]> {
    const manager = this.dataSource.manager;
    return this.views(manager, viewer, await manager.findBy(ProgrammeEntity, { id: In([...ids]) }));
  }

  /** Programmes by first session, soonest first; optionally one community's. */
  async list(
    viewer: Viewer,
    communityId: string | null,
    page: PageRequest,
  ): Promise<Connection<ProgrammeView>> {
    const manager = this.dataSource.manager;
    const query = manager.getRepository(ProgrammeEntity).createQueryBuilder('p');
    if (communityId !== null) {
      const community = await manager.findOneBy(CommunityEntity, { id: communityId });
      if (!community) throw CommunityDomainError.notFound('community');
      // a community lists its own programmes and those tagged with one of its interests, compared in
      // interestTagKey form like competitions and groups (programme interests are stored trimmed and collapsed)
      query.where(
        '(p.community_id = :communityId OR EXISTS (SELECT 1 FROM unnest(p.interests) AS i WHERE lower(i) = ANY(:interests::text[])))',
        { communityId, interests: normaliseInterestTags(community.interests) },
      );
    }
    const found = await paginate(query, page, ['firstSessionStartsAt', 'id'], 'ASC');
    const views = await this.views(
      manager,
      viewer,
      found.edges.map((edge) => edge.node),
    );
    const byId = new Map(views.map((view) => [view.programme.id, view]));
    return mapNodes(found, (programme) => byId.get(programme.id) as ProgrammeView);
  }

  /**
   * The speakers' mix for organisers, with small groups suppressed, never a speaker's own answers: for every
   * programme of a page from one query; a programme the caller does not organise is refused on its own.
   */
  async speakerDiversity(
    viewer: Viewer,
    programmeIds: readonly string[],
  ): Promise<Array<Organised<DiversityFieldSummary[]>>> {
    const manager = this.dataSource.manager;
    return forOrganisedProgrammes(manager, viewer, programmeIds, async (programmes) => {
      const speakers =
        programmes.length === 0
          ? []
          : await manager.find(ProgrammeSpeakerEntity, {
              where: { programmeId: In(programmes.map((programme) => programme.id)) },
              select: { programmeId: true, selfDescription: true },
            });
      const speakersOf = groupedBy(speakers, (speaker) => speaker.programmeId);
      return (programme) =>
        speakerDiversitySummary(
          speakersOf(programme.id).map((speaker) => speaker.selfDescription),
          SPEAKER_DIVERSITY_FIELDS,
        );
    });
  }

  private async views(
    manager: EntityManager,
    viewer: Viewer,
    programmes: ProgrammeEntity[],
  ): Promise<ProgrammeView[]> {
    if (programmes.length === 0) return [];
    const ids = programmes.map((programme) => programme.id);
    const [sessions, speakers, accepted] = await Promise.all([
      manager.find(ProgrammeSessionEntity, {
        where: { programmeId: In(ids) },
        order: { position: 'ASC' },
      }),
      manager.find(ProgrammeSpeakerEntity, { where: { programmeId: In(ids) }, order: { name: 'ASC' } }),
      manager.find(ApplicationEntity, {
        where: { programmeId: In(ids), memberId: viewer.memberId, status: 'ACCEPTED' },
      }),
    ]);
    const attending = new Set(accepted.map((application) => application.programmeId));
    const organised = await organisedAmong(manager, viewer, programmes);
    const sessionsOf = groupedBy(sessions, (session) => session.programmeId);
    const speakersOf = groupedBy(speakers, (speaker) => speaker.programmeId);
    return programmes.map((programme) => ({
      programme,
      sessions: sessionsOf(programme.id),
      speakers: speakersOf(programme.id),
      viewerIsOrganiser: organised.has(programme.id),
      viewerSeesLinks: organised.has(programme.id) || attending.has(programme.id),
    }));
  }

  now(): Date {
    return this.options.clock.now();
  }
}

/** Each session's start: the instant given, or the local date and time read in its zone; exactly one of the two. */
function resolveSessionStarts(sessions: CreateProgrammeCommand['sessions']): Date[] {
  const errors: FieldError[] = [];
  const starts = sessions.map((session, index) => {
    const field = `sessions[${index}].startsAt`;
    const local = session.localDate != null || session.localTime != null;
    if (session.startsAt != null && !local) return session.startsAt;
    if (session.startsAt != null || session.localDate == null || session.localTime == null) {
      errors.push({ field, message: 'give either startsAt, or both localDate and localTime' });
      return new Date(Number.NaN);
    }
    try {
      return localDateTimeToInstant(session.localDate, session.localTime, session.timeZone, field);
    } catch (error) {
      if (!(error instanceof CommunityDomainError)) throw error;
      errors.push(
        ...((error.details.errors as FieldError[] | undefined) ?? [{ field, message: error.message }]),
      );
      return new Date(Number.NaN);
    }
  });
  if (errors.length > 0) throw CommunityDomainError.invalidInput(errors);
  return starts;
}
