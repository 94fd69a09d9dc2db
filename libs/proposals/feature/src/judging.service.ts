import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ReviewSubmittedV1 } from '@praxis/contracts';
import type { Principal } from '@praxis/platform/auth';
import { containsPattern } from '@praxis/platform/database';
import { appendToOutbox } from '@praxis/platform/messaging';
import { holdingRoleNow, memberReplica } from '@praxis/platform/member-replica';
import {
  AssignmentEntity,
  CompetitionEntity,
  CompetitionJudgeEntity,
  ConflictEntity,
  JudgingAuditEntity,
  ProposalEntity,
  ProposalVersionEntity,
  ReviewEntity,
} from '@praxis/proposals/data-access';
import {
  assertCanAssign,
  assertCanUnassign,
  assertValidScoreSheet,
  assignJudges,
  AssignmentOrigin,
  checkManualAssignment,
  CompetitionPhase,
  ConflictKind,
  decideNamedConflict,
  NamedConflictStatus,
  type AssignmentEntry,
  type ConflictOfInterest,
  type ManualAssignmentRequest,
  type ManualAssignmentViolation,
  type NamedConflictDecision,
  ProposalsDomainError,
} from '@praxis/proposals/domain';
import { ProposalStatus, type SubmitScoresInput } from './proposals.objects';
import {
  audit,
  conflictsAmong,
  conflictsOf,
  loadCompetition,
  loadProposal,
  lockCompetition,
  lockOrInsert,
  phaseOf,
  recordAutomaticConflicts,
  releaseAssignment,
  replicaOf,
  requireUuid,
  rubricOf,
} from './proposals.records';
import { JudgingAuditAction, ReviewAssignmentOrigin } from './judging.enums';
import { mapNodes, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';

export interface JudgeView {
  competition: CompetitionEntity;
  proposal: ProposalEntity;
  version: ProposalVersionEntity;
  review: ReviewEntity | null;
}

/** Whether one judge may be given one entry by hand: every reason not (none when they may). */
export interface HandAssignmentCheck {
  judgeId: string;
  violations: ManualAssignmentViolation[];
  conflicts: readonly ConflictOfInterest[];
}

export interface AssignmentRun {
  assignments: AssignmentEntity[];
  started: Set<string>;
  keptStarted: number;
  minLoad: number;
  maxLoad: number;
  totalAffinity: number;
}

const ORIGIN_MANUAL = ReviewAssignmentOrigin.MANUAL;
const CANNOT_REVIEW = 'you cannot review this proposal';
const ORIGIN_AUTOMATIC = ReviewAssignmentOrigin.AUTOMATIC;

function pairKey(proposalId: string, judgeId: string): string {
  return `${proposalId}:${judgeId}`;
}

/** The judge pool, conflicts of interest, assignment, scoring and the audit log. */
@Injectable()
export class JudgingService {
  constructor(private readonly dataSource: DataSource) {}

  async addJudge(competitionId: string, memberId: string, actorId: string): Promise<CompetitionJudgeEntity> {
    requireUuid(memberId, 'memberId');
    return this.dataSource.transaction(async (manager) => {
      const competition = await lockCompetition(manager, competitionId, 'update', 'the judge pool');
      const phase = phaseOf(competition);
      if (phase === CompetitionPhase.CANCELLED) {
        throw ProposalsDomainError.wrongState(`Judges cannot join a competition that is ${phase}.`, {
          phase,
        });
      }
      if (!(await memberReplica(manager).holds(memberId, 'judge'))) {
        throw ProposalsDomainError.invalid([
          { field: 'memberId', rule: 'judgeRole', message: 'the member does not hold the judge role' },
        ]);
      }
      await manager.query(
        `INSERT INTO competition_judge (competition_id, member_id, added_by) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [competition.id, memberId, actorId],
      );
      await audit(manager, {
        competitionId: competition.id,
        action: JudgingAuditAction.JUDGE_ADDED,
        actorId,
        judgeId: memberId,
      });
      const entries = await manager.find(ProposalEntity, {
        where: { competitionId: competition.id, status: ProposalStatus.SUBMITTED },
      });
      await recordAutomaticConflicts(manager, competition.id, entries, [memberId], actorId);
      return manager.findOneByOrFail(CompetitionJudgeEntity, { competitionId: competition.id, memberId });
    });
  }

  /** The pool, newest first; `nameContains` keeps the judges whose name (as the member replica holds it) has it. */
  async judges(
    competitionId: string,
    page: PageRequest,
    nameContains: string | null = null,
    forProposalId: string | null = null,
  ): Promise<Connection<CompetitionJudgeEntity>> {
    const competition = await loadCompetition(this.dataSource.manager, competitionId);
    if (forProposalId !== null) await this.requireEntryOf(competition.id, forProposalId, 'proposalId');
    const query = this.dataSource
      .getRepository(CompetitionJudgeEntity)
      .createQueryBuilder('j')
      .where('j.competition_id = :id', { id: competition.id });
    if (nameContains) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM member_replica r WHERE r.member_id = j.member_id AND r.display_name ILIKE :name ESCAPE '\\')`,
        { name: containsPattern(nameContains) },
      );
    }
    return paginate(query, page, ['addedAt', 'memberId']);
  }

  /** The judge's own statement; any assignment (and started review) of that pair goes at once. */
  async declareConflict(proposalId: string, reason: string, principal: Principal): Promise<ConflictEntity> {
    const trimmed = reason.trim();
    if (trimmed.length < 3 || trimmed.length > 1000) {
      throw ProposalsDomainError.invalid([
        { field: 'reason', rule: 'length', message: 'must be 3 to 1000 characters' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const known = await loadProposal(manager, proposalId);
      await lockCompetition(manager, known.competitionId, 'share', 'conflicts');
      const proposal = await loadProposal(manager, known.id, true);
      await this.requireJudgeOf(manager, proposal.competitionId, principal.memberId);
      await manager.query(
        `INSERT INTO conflict_of_interest (competition_id, proposal_id, judge_id, kind, reason, declared_by)
         VALUES ($1, $2, $3, $4, $5, $3)
         ON CONFLICT (proposal_id, judge_id, kind) DO UPDATE SET reason = EXCLUDED.reason`,
        [proposal.competitionId, proposal.id, principal.memberId, ConflictKind.DECLARED_BY_JUDGE, trimmed],
      );
      await audit(manager, {
        competitionId: proposal.competitionId,
        action: JudgingAuditAction.CONFLICT_DECLARED_BY_JUDGE,
        actorId: principal.memberId,
        proposalId: proposal.id,
        judgeId: principal.memberId,
        detail: { reason: trimmed },
      });
      await releaseAssignment(manager, {
        competitionId: proposal.competitionId,
        proposalId: proposal.id,
        judgeId: principal.memberId,
        actorId: principal.memberId,
        reason: 'conflict declared',
      });
      return manager.findOneByOrFail(ConflictEntity, {
        proposalId: proposal.id,
        judgeId: principal.memberId,
        kind: ConflictKind.DECLARED_BY_JUDGE,
      });
    });
  }

  /**
   * An admin accepts or overrules a judge the applicants named. One conditional UPDATE on a still-PENDING row
   * decides, so of two admins deciding at once exactly one decision stands and the other is told it was taken.
   */
  async reviewNamedConflict(
    conflictId: string,
    decision: NamedConflictDecision,
    reason: string,
    principal: Principal,
  ): Promise<ConflictEntity> {
    return this.dataSource.transaction(async (manager) => {
      const known = await manager.findOneBy(ConflictEntity, { id: requireUuid(conflictId, 'conflictId') });
      if (!known) throw ProposalsDomainError.notFound('conflict');
      await lockCompetition(manager, known.competitionId, 'share', 'conflicts');
      const status = decideNamedConflict({ kind: known.kind, status: known.reviewStatus }, decision, reason);
      const decided = await manager
        .createQueryBuilder()
        .update(ConflictEntity)
        .set({
          reviewStatus: status,
          reviewedBy: principal.memberId,
          reviewedAt: () => 'now()',
          reviewReason: reason.trim(),
        })
        .where('id = :id AND review_status = :pending', {
          id: known.id,
          pending: NamedConflictStatus.PENDING,
        })
        .execute();
      if ((decided.affected ?? 0) === 0) {
        const now = await manager.findOneByOrFail(ConflictEntity, { id: known.id });
        decideNamedConflict({ kind: now.kind, status: now.reviewStatus }, decision, reason);
      }
      await audit(manager, {
        competitionId: known.competitionId,
        action:
          status === NamedConflictStatus.ACCEPTED
            ? JudgingAuditAction.CONFLICT_NAMED_ACCEPTED
            : JudgingAuditAction.CONFLICT_NAMED_OVERRULED,
        actorId: principal.memberId,
        proposalId: known.proposalId,
        judgeId: known.judgeId,
        detail: { reason: reason.trim() },
      });
      return manager.findOneByOrFail(ConflictEntity, { id: known.id });
    });
  }

  async conflicts(competitionId: string, page: PageRequest): Promise<Connection<ConflictEntity>> {
    const competition = await loadCompetition(this.dataSource.manager, competitionId);
    return paginate(
      this.dataSource
        .getRepository(ConflictEntity)
        .createQueryBuilder('c')
        .where('c.competition_id = :id', { id: competition.id }),
      page,
      ['recordedAt', 'id'],
    );
  }

  /**
   * Automatic assignment over the submitted entries. Started reviews stay; unstarted manual assignments are
   * honoured as pins; unstarted automatic ones are recomputed.
   */
  async assign(competitionId: string, actorId: string): Promise<AssignmentRun> {
    return this.dataSource.transaction(async (manager) => {
      const competition = await this.requireJudging(manager, competitionId);
      const entries = await manager.find(ProposalEntity, {
        where: { competitionId: competition.id, status: ProposalStatus.SUBMITTED },
        order: { firstSubmittedAt: 'ASC' },
      });
      const judgeIds = [...(await this.judgesHoldingRole(manager, competition.id))];
      const conflicts = await conflictsAmong(manager, entries, judgeIds);
      await recordAutomaticConflicts(manager, competition.id, entries, judgeIds, actorId, conflicts);

      const current = await manager.find(AssignmentEntity, { where: { competitionId: competition.id } });
      const started = await this.startedPairs(manager, competition.id);
      const keptStarted = current.filter((a) => started.has(pairKey(a.proposalId, a.judgeId)));
      const pins = current.filter(
        (a) =>
          a.origin === ORIGIN_MANUAL &&
          !started.has(pairKey(a.proposalId, a.judgeId)) &&
          judgeIds.includes(a.judgeId),
      );
      // unstarted automatic assignments are recomputed; an unstarted one of a judge no longer holding the role
      // (a manual pin too) is dropped, so it neither blocks publication nor hands them proposal content
      const replaced = current.filter(
        (a) =>
          !started.has(pairKey(a.proposalId, a.judgeId)) &&
          (a.origin === ORIGIN_AUTOMATIC || !judgeIds.includes(a.judgeId)),
      );

      const replica = await replicaOf(manager, judgeIds);
      const assignmentEntries: AssignmentEntry[] = entries.map((entry) => ({
        id: entry.id,
        keywords: entry.keywords,
        existingAssignments: keptStarted.filter((a) => a.proposalId === entry.id).map((a) => a.judgeId),
      }));
      const result = assignJudges({
        entries: assignmentEntries,
        judges: judgeIds.map((id) => ({ id, interests: replica.get(id)?.interests ?? [] })),
        reviewsPerEntry: competition.reviewsPerEntry,
        judgeMaxLoad: competition.judgeMaxLoad,
        conflicts: (entryId, judgeId) => conflicts(entryId, judgeId).length > 0,
        pins: pins.map((pin) => ({ entryId: pin.proposalId, judgeId: pin.judgeId })),
      });

      if (replaced.length > 0) {
        await manager.delete(
          AssignmentEntity,
          replaced.map((a) => a.id),
        );
      }
      const before = new Set(replaced.map((a) => pairKey(a.proposalId, a.judgeId)));
      const after = new Set<string>();
      for (const chosen of result.assignments) {
        if (chosen.origin !== AssignmentOrigin.AUTOMATIC) continue;
        const key = pairKey(chosen.entryId, chosen.judgeId);
        after.add(key);
        await manager.insert(AssignmentEntity, {
          competitionId: competition.id,
          proposalId: chosen.entryId,
          judgeId: chosen.judgeId,
          origin: ORIGIN_AUTOMATIC,
          assignedBy: actorId,
        });
        if (!before.has(key)) {
          await audit(manager, {
            competitionId: competition.id,
            action: JudgingAuditAction.ASSIGNMENT_ADDED,
            actorId,
            proposalId: chosen.entryId,
            judgeId: chosen.judgeId,
            detail: { origin: ORIGIN_AUTOMATIC, affinity: chosen.affinity },
          });
        }
      }
      for (const gone of replaced) {
        if (!after.has(pairKey(gone.proposalId, gone.judgeId))) {
          await audit(manager, {
            competitionId: competition.id,
            action: JudgingAuditAction.ASSIGNMENT_REMOVED,
            actorId,
            proposalId: gone.proposalId,
            judgeId: gone.judgeId,
            detail: {
              reason: judgeIds.includes(gone.judgeId)
                ? 'reassigned by an automatic run'
                : 'the judge no longer holds the judge role',
            },
          });
        }
      }
      await audit(manager, {
        competitionId: competition.id,
        action: JudgingAuditAction.ASSIGNMENT_RUN,
        actorId,
        detail: {
          entries: entries.length,
          judges: judgeIds.length,
          keptStarted: keptStarted.length,
          pins: pins.length,
          loadBand: result.loadBand,
          totalAffinity: result.totalAffinity,
        },
      });
      return {
        assignments: await manager.find(AssignmentEntity, {
          where: { competitionId: competition.id },
          order: { proposalId: 'ASC', judgeId: 'ASC' },
        }),
        started,
        keptStarted: keptStarted.length,
        minLoad: result.loadBand.min,
        maxLoad: result.loadBand.max,
        totalAffinity: result.totalAffinity,
      };
    });
  }

  async assignManually(proposalId: string, judgeId: string, actorId: string): Promise<AssignmentEntity> {
    requireUuid(judgeId, 'judgeId');
    return this.dataSource.transaction(async (manager) => {
      const known = await loadProposal(manager, proposalId);
      const competition = await this.requireJudging(manager, known.competitionId);
      const proposal = await loadProposal(manager, known.id, true);
      if (proposal.status !== ProposalStatus.SUBMITTED) {
        throw ProposalsDomainError.wrongState('Only submitted proposals can be assigned to judges.');
      }
      await this.requirePoolMember(manager, competition.id, judgeId, 'judgeId');
      const [request] = await this.handAssignmentRequests(manager, competition, proposal, [judgeId]);
      assertCanAssign(request);
      const assignment = manager.create(AssignmentEntity, {
        competitionId: competition.id,
        proposalId: proposal.id,
        judgeId,
        origin: ORIGIN_MANUAL,
        assignedBy: actorId,
      });
      await manager.save(assignment);
      await audit(manager, {
        competitionId: competition.id,
        action: JudgingAuditAction.ASSIGNMENT_ADDED,
        actorId,
        proposalId: proposal.id,
        judgeId,
        detail: { origin: ORIGIN_MANUAL },
      });
      return assignment;
    });
  }

  /**
   * Whether each judge of the pool may be given this entry by hand, and every reason not: what `assignJudge`
   * would answer, from the same facts and the same check, for many judges at once (the judge picker).
   */
  async handAssignmentChecks(
    proposalId: string,
    judgeIds: readonly string[],
  ): Promise<HandAssignmentCheck[]> {
    const manager = this.dataSource.manager;
    const proposal = await loadProposal(manager, proposalId);
    const competition = await loadCompetition(manager, proposal.competitionId);
    const requests = await this.handAssignmentRequests(manager, competition, proposal, judgeIds);
    return requests.map((request) => ({
      judgeId: request.judgeId,
      violations: checkManualAssignment(request),
      conflicts: request.conflicts,
    }));
  }

  /**
   * The facts a hand assignment of each judge to this entry is checked against, in a fixed number of queries:
   * the judge role (as automatic assignment reads it), the entry's judges, each judge's load and the conflicts
   * (`conflictsAmong`, as every path reads them).
   */
  private async handAssignmentRequests(
    manager: EntityManager,
    competition: CompetitionEntity,
    proposal: ProposalEntity,
    judgeIds: readonly string[],
  ): Promise<ManualAssignmentRequest[]> {
    const ids = [...new Set(judgeIds)];
    if (ids.length === 0) return [];
    const holding = await this.judgesHoldingRole(manager, competition.id, ids);
    const onEntry = await manager.find(AssignmentEntity, { where: { proposalId: proposal.id } });
    const loads: Array<{ judgeId: string; load: number }> = await manager.query(
      `SELECT judge_id AS "judgeId", count(*)::int AS load FROM assignment
        WHERE competition_id = $1 AND judge_id = ANY($2::uuid[]) GROUP BY judge_id`,
      [competition.id, ids],
    );
    const loadOf = new Map(loads.map((row) => [row.judgeId, Number(row.load)]));
    const conflicts = await conflictsAmong(manager, [proposal], ids);
    return ids.map((judgeId) => ({
      entryId: proposal.id,
      judgeId,
      holdsJudgeRole: holding.has(judgeId),
      currentJudgeIds: onEntry.map((assignment) => assignment.judgeId),
      judgeLoad: loadOf.get(judgeId) ?? 0,
      judgeMaxLoad: competition.judgeMaxLoad,
      conflicts: conflicts(proposal.id, judgeId),
    }));
  }

  /**
   * The pool's judges (or those of `among`) who still hold the judge role: the judges any path may assign, less
   * anyone whose role was revoked since joining the pool.
   */
  private async judgesHoldingRole(
    manager: EntityManager,
    competitionId: string,
    among?: readonly string[],
  ): Promise<Set<string>> {
    const query = manager
      .getRepository(CompetitionJudgeEntity)
      .createQueryBuilder('j')
      .where('j.competition_id = :competitionId', { competitionId });
    if (among) query.andWhere('j.member_id IN (:...among)', { among: [...among] });
    const pool = await holdingRoleNow(query, 'j.member_id', 'judge').orderBy('j.added_at').getMany();
    return new Set(pool.map((judge) => judge.memberId));
  }

  /** A submitted entry of this competition, or bad input naming `field`. */
  private async requireEntryOf(competitionId: string, proposalId: string, field: string): Promise<void> {
    const proposal = await this.dataSource.manager.findOneBy(ProposalEntity, {
      id: requireUuid(proposalId, field),
    });
    if (
      !proposal ||
      proposal.competitionId !== competitionId ||
      proposal.status !== ProposalStatus.SUBMITTED
    ) {
      throw ProposalsDomainError.invalid([
        { field, rule: 'entryOfCompetition', message: 'is not a submitted entry of this competition' },
      ]);
    }
  }

  async unassign(
    proposalId: string,
    judgeId: string,
    discardStartedReview: boolean,
    actorId: string,
  ): Promise<boolean> {
    requireUuid(judgeId, 'judgeId');
    return this.dataSource.transaction(async (manager) => {
      const known = await loadProposal(manager, proposalId);
      await this.requireJudging(manager, known.competitionId);
      const proposal = await loadProposal(manager, known.id, true);
      const onEntry = await manager.find(AssignmentEntity, { where: { proposalId: proposal.id } });
      const started = await manager.existsBy(ReviewEntity, { proposalId: proposal.id, judgeId });
      assertCanUnassign({
        entryId: proposal.id,
        judgeId,
        currentJudgeIds: onEntry.map((a) => a.judgeId),
        reviewStarted: started,
        discardStartedReview,
      });
      await releaseAssignment(manager, {
        competitionId: proposal.competitionId,
        proposalId: proposal.id,
        judgeId,
        actorId,
        reason: 'unassigned by an admin',
      });
      return true;
    });
  }

  async assignments(
    competitionId: string,
    page: PageRequest,
  ): Promise<{ assignments: Connection<AssignmentEntity>; started: Set<string> }> {
    const competition = await loadCompetition(this.dataSource.manager, competitionId);
    return {
      assignments: await paginate(
        this.dataSource
          .getRepository(AssignmentEntity)
          .createQueryBuilder('a')
          .where('a.competition_id = :id', { id: competition.id }),
        page,
        ['assignedAt', 'id'],
      ),
      started: await this.startedPairs(this.dataSource.manager, competition.id),
    };
  }

  /** What the judge is asked to score; nothing from conflicted pairs (assignments never hold them). */
  async myAssignments(
    principal: Principal,
    competitionId: string | null,
    page: PageRequest,
  ): Promise<Connection<JudgeView>> {
    const manager = this.dataSource.manager;
    const query = manager
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .where('a.judge_id = :me', { me: principal.memberId });
    if (competitionId) {
      query.andWhere('a.competition_id = :competitionId', {
        competitionId: requireUuid(competitionId, 'competitionId'),
      });
    }
    const assignments = await paginate(query, page, ['assignedAt', 'id']);
    const views = await this.viewsFor(
      manager,
      assignments.edges.map((edge) => edge.node.proposalId),
      principal.memberId,
    );
    const mapped = await mapNodes(assignments, (assignment) => views.get(assignment.proposalId) ?? null);
    return {
      ...mapped,
      edges: mapped.edges.flatMap((edge) => (edge.node ? [{ ...edge, node: edge.node }] : [])),
    };
  }

  /**
   * The judge's view of each proposal, loaded for a whole page at once (a fixed number of queries whatever
   * its size): proposals, the replica of every team and the judge, declared conflicts, competitions,
   * submitted versions and the judge's reviews. A proposal in conflict with the judge is left out: assignments
   * never hold conflicted pairs, and should one slip through, its content stays hidden.
   */
  private async viewsFor(
    manager: EntityManager,
    proposalIds: readonly string[],
    judgeId: string,
  ): Promise<Map<string, JudgeView>> {
    const views = new Map<string, JudgeView>();
    if (proposalIds.length === 0) return views;
    const ids = [...new Set(proposalIds)];
    const proposals = await manager.findBy(ProposalEntity, { id: In(ids) });
    const [conflicts, competitions, versions, reviews] = await Promise.all([
      conflictsAmong(manager, proposals, [judgeId]),
      manager.findBy(CompetitionEntity, { id: In([...new Set(proposals.map((p) => p.competitionId))]) }),
      manager.findBy(
        ProposalVersionEntity,
        proposals.map((proposal) => ({ proposalId: proposal.id, version: proposal.submittedVersion })),
      ),
      manager.findBy(ReviewEntity, { proposalId: In(ids), judgeId }),
    ]);
    const competitionById = new Map(competitions.map((competition) => [competition.id, competition]));
    const versionOf = new Map(
      versions.map((version) => [`${version.proposalId}:${version.version}`, version]),
    );
    const reviewOf = new Map(reviews.map((review) => [review.proposalId, review]));
    for (const proposal of proposals) {
      if (conflicts(proposal.id, judgeId).length > 0) continue;
      const competition = competitionById.get(proposal.competitionId);
      const version = versionOf.get(`${proposal.id}:${proposal.submittedVersion}`);
      if (!competition || !version) continue;
      views.set(proposal.id, { competition, proposal, version, review: reviewOf.get(proposal.id) ?? null });
    }
    return views;
  }

  /** A judge opens one proposal: assigned, not conflicted, still a judge. */
  async openAsJudge(proposalId: string, principal: Principal): Promise<JudgeView> {
    const manager = this.dataSource.manager;
    const proposal = await loadProposal(manager, proposalId);
    await this.requireJudgeAccess(manager, proposal, principal.memberId);
    return this.viewFor(manager, proposal, principal.memberId);
  }

  async submitScores(input: SubmitScoresInput, principal: Principal): Promise<JudgeView> {
    return this.dataSource.transaction(async (manager) => {
      const known = await loadProposal(manager, input.proposalId);
      // shared with other score writers, exclusive with publication: see lockCompetition
      const competition = await lockCompetition(manager, known.competitionId, 'share', 'scores');
      // locked, so a withdrawal cannot delete the assignment between this check and the write
      const proposal = await loadProposal(manager, known.id, true);
      await this.requireJudgeAccess(manager, proposal, principal.memberId);
      const now = new Date();
      if (phaseOf(competition) !== CompetitionPhase.JUDGING || now >= competition.judgingEndsAt) {
        throw ProposalsDomainError.wrongState(
          phaseOf(competition) === CompetitionPhase.JUDGING
            ? `Judging ended at ${competition.judgingEndsAt.toISOString()}; scores can no longer change.`
            : `Scores are accepted only while the competition is JUDGING; it is ${competition.phase}.`,
          { phase: competition.phase },
        );
      }
      const scores = input.scores.map((score) => ({ criterionId: score.criterionId, value: score.value }));
      assertValidScoreSheet(rubricOf(competition), { scores });
      const comment = input.comment.trim();
      const { row: review, created } = await lockOrInsert(
        manager,
        ReviewEntity,
        { proposalId: proposal.id, judgeId: principal.memberId },
        {
          competitionId: competition.id,
          proposalId: proposal.id,
          judgeId: principal.memberId,
          scores,
          comment,
          proposalVersion: proposal.submittedVersion,
        },
      );
      const previous = created ? null : { scores: review.scores, comment: review.comment };
      if (!created) {
        review.scores = scores;
        review.comment = comment;
        review.proposalVersion = proposal.submittedVersion;
        await manager.save(review);
      }
      await audit(manager, {
        competitionId: competition.id,
        action: created ? JudgingAuditAction.SCORE_SUBMITTED : JudgingAuditAction.SCORE_EDITED,
        actorId: principal.memberId,
        proposalId: proposal.id,
        judgeId: principal.memberId,
        detail: { scores, ...(previous ? { previous } : {}) },
      });
      await appendToOutbox(
        manager,
        ReviewSubmittedV1,
        review.id,
        {
          reviewId: review.id,
          proposalId: proposal.id,
          competitionId: competition.id,
          judgeId: competition.blind ? null : principal.memberId,
          edit: !created,
          submittedAt: new Date().toISOString(),
        },
        competition.blind ? { actorId: null } : {},
      );
      return this.viewFor(manager, proposal, principal.memberId);
    });
  }

  /** Newest first. */
  async auditLog(competitionId: string, page: PageRequest): Promise<Connection<JudgingAuditEntity>> {
    const competition = await loadCompetition(this.dataSource.manager, competitionId);
    return paginate(
      this.dataSource
        .getRepository(JudgingAuditEntity)
        .createQueryBuilder('l')
        .where('l.competition_id = :id', { id: competition.id }),
      page,
      ['at', 'id'],
    );
  }

  // ------------------------------------------------------------------ helpers

  private async viewFor(
    manager: EntityManager,
    proposal: ProposalEntity,
    judgeId: string,
  ): Promise<JudgeView> {
    const competition = await loadCompetition(manager, proposal.competitionId);
    const version = await manager.findOneByOrFail(ProposalVersionEntity, {
      proposalId: proposal.id,
      version: proposal.submittedVersion,
    });
    const review = await manager.findOneBy(ReviewEntity, { proposalId: proposal.id, judgeId });
    return { competition, proposal, version, review };
  }

  private async requireJudging(manager: EntityManager, competitionId: string): Promise<CompetitionEntity> {
    const competition = await lockCompetition(manager, competitionId, 'update', 'assignments');
    if (phaseOf(competition) !== CompetitionPhase.JUDGING) {
      throw ProposalsDomainError.wrongState(
        `Judges are assigned once submissions have closed, in phase JUDGING; the competition is ${competition.phase}.`,
        { phase: competition.phase },
      );
    }
    return competition;
  }

  private async requirePoolMember(
    manager: EntityManager,
    competitionId: string,
    memberId: string,
    field: string,
  ): Promise<void> {
    if (!(await manager.existsBy(CompetitionJudgeEntity, { competitionId, memberId }))) {
      throw ProposalsDomainError.invalid([
        { field, rule: 'judgeOfCompetition', message: 'is not a judge of this competition' },
      ]);
    }
  }

  /** The caller is in the pool and still holds the judge role (the replica says so). */
  private async requireJudgeOf(
    manager: EntityManager,
    competitionId: string,
    memberId: string,
  ): Promise<void> {
    const inPool = await manager.existsBy(CompetitionJudgeEntity, { competitionId, memberId });
    if (!inPool || !(await memberReplica(manager).holds(memberId, 'judge'))) {
      throw ProposalsDomainError.forbidden('you are not a judge of this competition');
    }
  }

  private async requireJudgeAccess(
    manager: EntityManager,
    proposal: ProposalEntity,
    memberId: string,
  ): Promise<void> {
    await this.requireJudgeOf(manager, proposal.competitionId, memberId);
    // One answer for every refusal: naming the conflict's kind would tell the judge who accused them (named by
    // the applicants) or where the team works (same institution), which blind judging exists to hide.
    const conflicted = (await conflictsOf(manager, proposal, memberId)).length > 0;
    const assigned = await manager.existsBy(AssignmentEntity, { proposalId: proposal.id, judgeId: memberId });
    if (conflicted || !assigned || proposal.status !== ProposalStatus.SUBMITTED) {
      throw ProposalsDomainError.forbidden(CANNOT_REVIEW);
    }
  }

  private async startedPairs(manager: EntityManager, competitionId: string): Promise<Set<string>> {
    const rows: Array<{ proposalId: string; judgeId: string }> = await manager.query(
      `SELECT proposal_id AS "proposalId", judge_id AS "judgeId" FROM review WHERE competition_id = $1`,
      [competitionId],
    );
    return new Set(rows.map((row) => pairKey(row.proposalId, row.judgeId)));
  }
}
