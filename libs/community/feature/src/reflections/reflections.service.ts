import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CommunityReflectionSubmittedV1 } from '@praxis/contracts';
import { pageOfRows, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  ApplicationEntity,
  ProgrammeEntity,
  ReflectionEntity,
  ReflectionSpentTokenEntity,
} from '@praxis/community/data-access';
import {
  assertReflectionWindowOpen,
  buildReflection,
  CommunityDomainError,
  CommunityErrorCode,
  reflectionToken,
  reflectionTokenHash,
} from '@praxis/community/domain';
import { COMMUNITY_OPTIONS, type CommunityOptions } from '../community.options';
import { forOrganisedProgrammes, requireOrganiser, type Organised, type Viewer } from '../shared/access';

/**
 * Anonymous reflections, once per attendee, with nothing stored that links one to its author (see
 * docs/community.md): the attendee's token is derived from the configured secret and never stored; its hash is
 * spent in one transaction (with the event, which names no member and carries a fresh correlation id), and the
 * reflection is written in a second one with a random id, the day and the answers only.
 */
@Injectable()
export class ReflectionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(COMMUNITY_OPTIONS) private readonly options: CommunityOptions,
  ) {}

  async submit(
    viewer: Viewer,
    programmeId: string,
    answers: Array<{ questionId: string; text: string }>,
  ): Promise<{ programmeId: string; submittedOn: string }> {
    const manager = this.dataSource.manager;
    const programme = await manager.findOneBy(ProgrammeEntity, { id: programmeId });
    if (!programme) throw CommunityDomainError.notFound('programme');
    const attendee = await manager.existsBy(ApplicationEntity, {
      programmeId,
      memberId: viewer.memberId,
      status: 'ACCEPTED',
    });
    if (!attendee) {
      throw new CommunityDomainError(
        CommunityErrorCode.NOT_AN_ATTENDEE,
        'only the programme’s attendees write reflections',
      );
    }
    const now = this.options.clock.now();
    assertReflectionWindowOpen(programme.lastSessionEndsAt, now);
    // built (and validated) before the token is spent, so bad input never costs the attendee their reflection
    const reflection = buildReflection(programmeId, programme.reflectionQuestions, answers, now);
    const tokenHash = reflectionTokenHash(
      reflectionToken(this.options.reflectionSecret, programmeId, viewer.memberId),
    );
    await this.dataSource.transaction(async (spend) => {
      const spent: unknown[] = await spend.query(
        `INSERT INTO reflection_spent_token (programme_id, token_hash) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING token_hash`,
        [programmeId, tokenHash],
      );
      if (spent.length === 0) {
        throw new CommunityDomainError(
          CommunityErrorCode.REFLECTION_ALREADY_SUBMITTED,
          'you have already submitted your reflection for this programme',
        );
      }
      await appendToOutbox(
        spend,
        CommunityReflectionSubmittedV1,
        programmeId,
        { programmeId, submittedOn: reflection.submittedOn },
        { actorId: null, correlationId: randomUUID(), causationId: null },
      );
    });
    try {
      await this.dataSource.manager.insert(ReflectionEntity, {
        id: randomUUID(),
        programmeId,
        submittedOn: reflection.submittedOn,
        answers: reflection.answers.map((answer) => ({ ...answer })),
        hidden: false,
      });
    } catch {
      throw new CommunityDomainError(
        CommunityErrorCode.REFLECTION_NOT_SAVED,
        'your reflection could not be saved, and the one submission it allows has been used; please tell the organisers',
      );
    }
    return { programmeId, submittedOn: reflection.submittedOn };
  }

  /**
   * The programmes among these the caller has submitted a reflection to: their tokens are recomputed from the
   * secret and looked up together (one query), never by member.
   */
  async submittedAmong(viewer: Viewer, programmeIds: readonly string[]): Promise<string[]> {
    const tokenHashes = programmeIds.map((programmeId) =>
      reflectionTokenHash(reflectionToken(this.options.reflectionSecret, programmeId, viewer.memberId)),
    );
    const spent = await this.dataSource.manager.findBy(ReflectionSpentTokenEntity, {
      programmeId: In([...programmeIds]),
      tokenHash: In(tokenHashes),
    });
    const hashes = new Set(spent.map((row) => row.tokenHash));
    return programmeIds.filter((_, index) => hashes.has(tokenHashes[index]));
  }

  async list(
    viewer: Viewer,
    programmeId: string,
    includeHidden: boolean,
    page: PageRequest,
  ): Promise<Connection<ReflectionEntity>> {
    const manager = this.dataSource.manager;
    const programme = await manager.findOneBy(ProgrammeEntity, { id: programmeId });
    if (!programme) throw CommunityDomainError.notFound('programme');
    await requireOrganiser(manager, viewer, programme);
    const rows = await manager.findBy(ReflectionEntity, {
      programmeId,
      ...(includeHidden ? {} : { hidden: false }),
    });
    // paged in memory: a day column has no instant for a keyset cursor, and a programme has at most its
    // capacity of reflections; newest day first, then by the (random) id
    return pageOfRows(rows, page, (row) => [row.submittedOn, row.id]);
  }

  /** For organisers: how many reflections each programme of a page has, and how many are hidden, in one query. */
  async counts(
    viewer: Viewer,
    programmeIds: readonly string[],
  ): Promise<Array<Organised<{ submitted: number; hidden: number }>>> {
    const manager = this.dataSource.manager;
    return forOrganisedProgrammes(manager, viewer, programmeIds, async (programmes) => {
      const rows: Array<{ programme_id: string; submitted: number; hidden: number }> =
        programmes.length === 0
          ? []
          : await manager.query(
              `SELECT programme_id, count(*)::int AS submitted, count(*) FILTER (WHERE hidden)::int AS hidden
               FROM reflection WHERE programme_id = ANY($1::uuid[]) GROUP BY programme_id`,
              [programmes.map((programme) => programme.id)],
            );
      const byProgramme = new Map(rows.map((row) => [row.programme_id, row]));
      return (programme) => {
        const row = byProgramme.get(programme.id);
        return { submitted: row?.submitted ?? 0, hidden: row?.hidden ?? 0 };
      };
    });
  }

  /** An organiser flags a reflection and hides it from the list (or shows it again). */
  async setHidden(viewer: Viewer, reflectionId: string, hidden: boolean): Promise<ReflectionEntity> {
    const manager = this.dataSource.manager;
    const reflection = await manager.findOneBy(ReflectionEntity, { id: reflectionId });
    if (!reflection) throw CommunityDomainError.notFound('reflection');
    const programme = await manager.findOneByOrFail(ProgrammeEntity, { id: reflection.programmeId });
    await requireOrganiser(manager, viewer, programme);
    await manager.update(ReflectionEntity, reflectionId, { hidden });
    return { ...reflection, hidden };
  }
}
