import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  CompetitionChangedV1,
  CompetitionOpenedV1,
  CompetitionResultsPublishedV2,
  normaliseInterestTags,
  type PublicCompetitionPhase,
} from '@praxis/contracts';
import { containsPattern } from '@praxis/platform/database';
import { isAdmin, type Principal } from '@praxis/platform/auth';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  AssignmentEntity,
  CompetitionEntity,
  ProposalEntity,
  ReviewEntity,
  type StoredCriterion,
} from '@praxis/proposals/data-access';
import {
  assertTransition,
  CompetitionPhase,
  parseCompetitionCurrency,
  rankEntries,
  toMajorUnits,
  validateCompetitionDates,
  validateRubric,
  weightedTotal,
  type RankedEntry,
  type RankingResult,
  type ValidationProblem,
  ProposalsDomainError,
  ProposalsErrorCode,
} from '@praxis/proposals/domain';
import type { CompetitionDatesInput, CreateCompetitionInput } from './proposals.objects';
import { ProposalStatus } from './proposals.objects';
import { PROPOSALS_OPTIONS, type ProposalsOptions } from './proposals.options';
import { minorUnitsOf } from './money-input';
import { audit, datesOf, loadCompetition, phaseOf, replicaOf, rubricOf } from './proposals.records';
import { JudgingAuditAction } from './judging.enums';
import { mapNodes, pageOfRows, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';

export interface RankingAccess {
  competition: CompetitionEntity;
  /** False while judging: a provisional ranking, for admins only. */
  published: boolean;
}

/** One entry of a ranking page: its result and its title. */
export interface RankedRow extends RankedEntry {
  title: string;
}

/** Competitions: creation, dates, phases, ranking and publication. */
@Injectable()
export class CompetitionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PROPOSALS_OPTIONS) private readonly options: ProposalsOptions,
  ) {}

  async create(input: CreateCompetitionInput, actorId: string): Promise<CompetitionEntity> {
    const criteria: StoredCriterion[] = input.criteria.map((criterion, index) => ({
      id: `c${index + 1}`,
      name: criterion.name.trim(),
      guidance: criterion.guidance.trim(),
      weight: criterion.weight,
      scaleMin: criterion.scaleMin,
      scaleMax: criterion.scaleMax,
    }));
    // every problem at once: dates, rubric and money together
    const problems: ValidationProblem[] = [
      ...validateCompetitionDates(input),
      ...validateRubric({ criteria }),
    ];
    const currency = parseCompetitionCurrency(input.currency ?? this.options.defaultCurrency, 'currency');
    let fundingAvailableMinor: number | null = null;
    if (!currency.ok) problems.push(currency.problem);
    else {
      // Money in the competition's currency, or the deprecated major-unit Float; neither is no stated amount
      const converted = minorUnitsOf(
        {
          money: input.fundingAvailableMoney,
          float: input.fundingAvailable,
          moneyField: 'fundingAvailableMoney',
          floatField: 'fundingAvailable',
        },
        currency.currency,
      );
      if (converted?.ok) fundingAvailableMinor = converted.amountMinor;
      else if (converted) problems.push(converted.problem);
    }
    if (problems.length > 0 || !currency.ok) {
      throw ProposalsDomainError.invalid(
        problems.map((problem) => ({
          field: `input.${problem.field}`,
          rule: problem.rule,
          message: problem.message,
        })),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const competition = manager.create(CompetitionEntity, {
        title: input.title.trim(),
        description: input.description.trim(),
        tags: normaliseInterestTags(input.tags ?? []),
        phase: CompetitionPhase.DRAFT,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        judgingEndsAt: input.judgingEndsAt,
        criteria,
        reviewsPerEntry: input.reviewsPerEntry,
        judgeMaxLoad: input.judgeMaxLoad,
        blind: input.blind,
        winnersCount: input.winnersCount,
        requiresInterInstitutionalTeam: input.eligibility.requiresInterInstitutionalTeam,
        maxTeamSize: input.eligibility.maxTeamSize,
        allowedCareerStages: [...new Set(input.eligibility.allowedCareerStages)],
        currency: currency.currency,
        fundingAvailableMinor,
        protectedHoursAvailable: input.protectedHoursAvailable ?? null,
        createdBy: actorId,
        resultsPublishedAt: null,
      });
      await manager.save(competition);
      return competition;
    });
  }

  /**
   * Admins move dates (e.g. close early, extend judging). Before judging every date may change; during
   * judging only `judgingEndsAt`, since submissions are already closed.
   */
  async updateDates(id: string, input: CompetitionDatesInput): Promise<CompetitionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const competition = await loadCompetition(manager, id, true);
      const phase = phaseOf(competition);
      if (phase === CompetitionPhase.JUDGING) {
        const moved: string[] = [];
        if (input.opensAt.getTime() !== competition.opensAt.getTime()) moved.push('opensAt');
        if (input.closesAt.getTime() !== competition.closesAt.getTime()) moved.push('closesAt');
        if (moved.length > 0) {
          throw ProposalsDomainError.invalid(
            moved.map((field) => ({
              field: `input.${field}`,
              rule: 'unchangedWhileJudging',
              message: 'cannot change once judging has started; only judgingEndsAt can move',
            })),
          );
        }
      } else if (phase !== CompetitionPhase.DRAFT && phase !== CompetitionPhase.OPEN) {
        throw ProposalsDomainError.wrongState(`The dates of a competition in phase ${phase} cannot change.`, {
          phase,
        });
      }
      const problems = validateCompetitionDates(input);
      if (problems.length > 0) {
        throw ProposalsDomainError.invalid(
          problems.map((problem) => ({
            field: `input.${problem.field}`,
            rule: problem.rule,
            message: problem.message,
          })),
        );
      }
      const moved =
        competition.opensAt.getTime() !== input.opensAt.getTime() ||
        competition.closesAt.getTime() !== input.closesAt.getTime() ||
        competition.judgingEndsAt.getTime() !== input.judgingEndsAt.getTime();
      competition.opensAt = input.opensAt;
      competition.closesAt = input.closesAt;
      competition.judgingEndsAt = input.judgingEndsAt;
      await manager.save(competition);
      if (moved) await announceChange(manager, competition, 'DATES');
      return competition;
    });
  }

  async open(id: string): Promise<CompetitionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const competition = await this.transition(manager, id, CompetitionPhase.OPEN);
      await appendToOutbox(manager, CompetitionOpenedV1, competition.id, {
        competitionId: competition.id,
        title: competition.title,
        opensAt: competition.opensAt.toISOString(),
        closesAt: competition.closesAt.toISOString(),
        judgingEndsAt: competition.judgingEndsAt.toISOString(),
        blind: competition.blind,
        winnersCount: competition.winnersCount,
        // v1 predates currencies: major units of the competition's currency
        fundingAvailable:
          competition.fundingAvailableMinor === null
            ? null
            : toMajorUnits(competition.fundingAvailableMinor, competition.currency),
        protectedHoursAvailable: competition.protectedHoursAvailable,
        tags: competition.tags,
      });
      return competition;
    });
  }

  async startJudging(id: string): Promise<CompetitionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const competition = await this.transition(manager, id, CompetitionPhase.JUDGING);
      await announceChange(manager, competition, 'PHASE');
      return competition;
    });
  }

  async cancel(id: string, actorId: string): Promise<CompetitionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const from = phaseOf(await loadCompetition(manager, id, true));
      const competition = await this.transition(manager, id, CompetitionPhase.CANCELLED);
      // a draft was never listed anywhere, so its cancellation has nothing to tell
      if (from !== CompetitionPhase.DRAFT) await announceChange(manager, competition, 'PHASE');
      await audit(manager, {
        competitionId: competition.id,
        action: JudgingAuditAction.COMPETITION_CANCELLED,
        actorId,
      });
      return competition;
    });
  }

  /** Marks the winners, freezes the scores (no phase accepts them any more) and announces the results. */
  async publishResults(id: string, actorId: string): Promise<CompetitionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await loadCompetition(manager, id, true);
      if (phaseOf(locked) === CompetitionPhase.JUDGING) {
        const missing: Array<{ proposalId: string; judgeId: string }> = await manager.query(
          `SELECT a.proposal_id AS "proposalId", a.judge_id AS "judgeId" FROM assignment a
           LEFT JOIN review r ON r.proposal_id = a.proposal_id AND r.judge_id = a.judge_id
           WHERE a.competition_id = $1 AND r.id IS NULL`,
          [locked.id],
        );
        if (missing.length > 0) {
          const entries = [...new Set(missing.map((row) => row.proposalId))];
          throw new ProposalsDomainError(
            ProposalsErrorCode.REVIEWS_INCOMPLETE,
            `Cannot publish: ${missing.length} assigned review(s) are not in yet, for ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}. Wait for them, or unassign those judges.`,
            { missingReviews: missing.length, entriesAwaitingReviews: entries },
          );
        }
      }
      const competition = await this.transition(manager, id, CompetitionPhase.RESULTS_PUBLISHED);
      const { result, proposals, reviews } = await this.computeRanking(manager, competition);
      const rubric = rubricOf(competition);
      for (const row of result.ranking) {
        const counted = reviews
          .filter((review) => review.proposalId === row.entryId)
          .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id));
        await manager.update(ProposalEntity, row.entryId, {
          rank: row.rank,
          isWinner: row.isWinner,
          normalisedScore: row.normalisedScore,
          meanRawScore: row.meanRawTotal,
          reviewCount: row.reviewCount,
          // the feedback is frozen with the figures, so the two can never tell different stories
          publishedFeedback: counted.map((review, index) => ({
            reviewer: `Reviewer ${index + 1}`,
            total: weightedTotal(rubric, review),
            scores: review.scores.map((score) => ({ criterionId: score.criterionId, value: score.value })),
            comment: review.comment,
          })),
        });
      }
      const publishedAt = new Date();
      competition.resultsPublishedAt = publishedAt;
      await manager.save(competition);
      const winners = result.ranking.filter((row) => row.isWinner);
      const replica = await replicaOf(
        manager,
        winners.flatMap((row) => proposals.get(row.entryId)?.teamMemberIds ?? []),
      );
      const currency = competition.currency;
      await appendToOutbox(manager, CompetitionResultsPublishedV2, competition.id, {
        competitionId: competition.id,
        title: competition.title,
        publishedAt: publishedAt.toISOString(),
        currency,
        fundingAvailable:
          competition.fundingAvailableMinor === null
            ? null
            : { amountMinor: competition.fundingAvailableMinor, currency },
        protectedHoursAvailable: competition.protectedHoursAvailable,
        entries: result.ranking.length,
        winners: winners.map((row) => {
          const proposal = proposals.get(row.entryId) as ProposalEntity;
          return {
            proposalId: proposal.id,
            rank: row.rank,
            title: proposal.title,
            keywords: proposal.keywords,
            leadApplicantId: proposal.leadApplicantId,
            teamMemberIds: proposal.teamMemberIds,
            institutionIds: [
              ...new Set(
                proposal.teamMemberIds
                  .map((memberId) => replica.get(memberId)?.institutionId)
                  .filter((value): value is string => typeof value === 'string'),
              ),
            ],
            requestedFunding: { amountMinor: proposal.requestedFundingMinor, currency },
            requestedHours: proposal.requestedHours,
            normalisedScore: row.normalisedScore ?? 0,
            meanRawScore: row.meanRawTotal ?? 0,
          };
        }),
      });
      await announceChange(manager, competition, 'PHASE');
      await audit(manager, {
        competitionId: competition.id,
        action: JudgingAuditAction.RESULTS_PUBLISHED,
        actorId,
        detail: { entries: result.ranking.length, winners: result.winners },
      });
      return competition;
    });
  }

  private async transition(
    manager: EntityManager,
    id: string,
    to: CompetitionPhase,
  ): Promise<CompetitionEntity> {
    const competition = await loadCompetition(manager, id, true);
    assertTransition(phaseOf(competition), to, datesOf(competition), new Date());
    competition.phase = to;
    await manager.save(competition);
    return competition;
  }

  async find(id: string, principal: Principal | null): Promise<CompetitionEntity | null> {
    const competition = await this.dataSource.getRepository(CompetitionEntity).findOneBy({
      id: id,
    });
    return competition && this.visible(competition, principal) ? competition : null;
  }

  /** Drafts are the organisers' work in progress: admins only. */
  visible(competition: CompetitionEntity, principal: Principal | null): boolean {
    return phaseOf(competition) !== CompetitionPhase.DRAFT || (principal !== null && isAdmin(principal));
  }

  /** For the request loader: any competitions by id, visibility left to the caller. */
  byIds(ids: readonly string[]): Promise<CompetitionEntity[]> {
    return this.dataSource.getRepository(CompetitionEntity).findBy({ id: In([...ids]) });
  }

  /** Newest first; drafts for admins only. */
  /** Newest first, drafts for admins only; `titleContains` narrows them by title, any case. */
  async list(
    principal: Principal,
    page: PageRequest,
    titleContains: string | null = null,
  ): Promise<Connection<CompetitionEntity>> {
    const query = this.dataSource.getRepository(CompetitionEntity).createQueryBuilder('c');
    if (!isAdmin(principal)) query.where('c.phase <> :draft', { draft: CompetitionPhase.DRAFT });
    if (titleContains) {
      query.andWhere(`c.title ILIKE :title ESCAPE '\\'`, { title: containsPattern(titleContains) });
    }
    return paginate(query, page, ['createdAt', 'id']);
  }

  /** Admins: any time (provisional while judging). Everyone else: once results are published. */
  async rankingAccess(id: string, principal: Principal): Promise<RankingAccess> {
    const competition = await loadCompetition(this.dataSource.manager, id);
    const published = phaseOf(competition) === CompetitionPhase.RESULTS_PUBLISHED;
    if (!published && !isAdmin(principal)) {
      throw ProposalsDomainError.forbidden('the ranking is visible to everyone once results are published');
    }
    return { competition, published };
  }

  /**
   * A page of the ranking, best first (rank, then proposal id; ranks are unique, so the order is total), for
   * whoever `rankingAccess` lets read it. Published: the figures frozen on each entry at publication, never
   * recomputed from live reviews, paged in PostgreSQL along `proposal_ranking_idx` (competition, rank, id).
   * Provisional: computed from every counted review (each judge's z-scores need all of that judge's reviews, so
   * no stored order exists to page along), then cut here; only the page's titles are read.
   */
  async rankingPage(id: string, principal: Principal, page: PageRequest): Promise<Connection<RankedRow>> {
    const { competition, published } = await this.rankingAccess(id, principal);
    const manager = this.dataSource.manager;
    if (published) {
      const query = manager
        .getRepository(ProposalEntity)
        .createQueryBuilder('p')
        .where('p.competition_id = :id AND p.rank IS NOT NULL', { id: competition.id });
      return mapNodes(await paginate(query, page, ['rank', 'id'], 'ASC'), (entry) => ({
        rank: entry.rank as number,
        entryId: entry.id,
        title: entry.title,
        submittedAt: entry.firstSubmittedAt ?? entry.createdAt,
        normalisedScore: entry.normalisedScore,
        meanRawTotal: entry.meanRawScore,
        reviewCount: entry.reviewCount ?? 0,
        isWinner: entry.isWinner,
      }));
    }
    const { result } = await this.liveRanking(manager, competition);
    const rows = pageOfRows(result.ranking, page, (row) => [row.rank, row.entryId], 'ASC');
    const ids = rows.edges.map((edge) => edge.node.entryId);
    const titles = new Map(
      ids.length === 0
        ? []
        : (
            await manager.find(ProposalEntity, { select: { id: true, title: true }, where: { id: In(ids) } })
          ).map((entry) => [entry.id, entry.title]),
    );
    return mapNodes(rows, (row) => ({ ...row, title: titles.get(row.entryId) ?? '' }));
  }

  /**
   * The ranking from the live reviews of judges still assigned (unassignment discards a review), over every
   * submitted entry: only what ranking reads of each entry is loaded.
   */
  private async liveRanking(
    manager: EntityManager,
    competition: CompetitionEntity,
  ): Promise<{ result: RankingResult; reviews: ReviewEntity[] }> {
    const entries = await manager.find(ProposalEntity, {
      select: { id: true, firstSubmittedAt: true, createdAt: true },
      where: { competitionId: competition.id, status: ProposalStatus.SUBMITTED },
    });
    const submitted = new Set(entries.map((entry) => entry.id));
    const reviews = await manager
      .getRepository(ReviewEntity)
      .createQueryBuilder('r')
      .innerJoin(AssignmentEntity, 'a', 'a.proposal_id = r.proposal_id AND a.judge_id = r.judge_id')
      .where('r.competition_id = :id', { id: competition.id })
      .getMany();
    const counted = reviews.filter((review) => submitted.has(review.proposalId));
    const result = rankEntries({
      rubric: rubricOf(competition),
      entries: entries.map((entry) => ({
        entryId: entry.id,
        submittedAt: entry.firstSubmittedAt ?? entry.createdAt,
      })),
      reviews: counted.map((review) => ({
        entryId: review.proposalId,
        judgeId: review.judgeId,
        scores: review.scores,
      })),
      winnersCount: competition.winnersCount,
    });
    return { result, reviews: counted };
  }

  /** The live ranking with every entry it ranks, for publication (which freezes it on them). */
  async computeRanking(
    manager: EntityManager,
    competition: CompetitionEntity,
  ): Promise<{ result: RankingResult; proposals: Map<string, ProposalEntity>; reviews: ReviewEntity[] }> {
    const { result, reviews } = await this.liveRanking(manager, competition);
    const entries = await manager.find(ProposalEntity, {
      where: { competitionId: competition.id, status: ProposalStatus.SUBMITTED },
    });
    return { result, proposals: new Map(entries.map((entry) => [entry.id, entry])), reviews };
  }
}

/**
 * Tells listings (community's, by interest tag) what an opened competition now shows, in the transaction of the
 * change: its whole public listing, so the newest event alone is enough. Drafts are nobody's business but the
 * organisers', so a draft's date moves publish nothing (the opened event carries the dates it opens with).
 */
async function announceChange(
  manager: EntityManager,
  competition: CompetitionEntity,
  change: 'DATES' | 'PHASE',
): Promise<void> {
  const phase = phaseOf(competition);
  if (phase === CompetitionPhase.DRAFT) return;
  await appendToOutbox(manager, CompetitionChangedV1, competition.id, {
    competitionId: competition.id,
    change,
    title: competition.title,
    tags: competition.tags,
    phase: phase satisfies PublicCompetitionPhase,
    opensAt: competition.opensAt.toISOString(),
    closesAt: competition.closesAt.toISOString(),
    judgingEndsAt: competition.judgingEndsAt.toISOString(),
  });
}
