import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  AssignmentEntity,
  CompetitionEntity,
  ConflictEntity,
  ProposalEntity,
  ReviewEntity,
  type StoredCriterion,
} from '@praxis/proposals/data-access';
import { MemberReplicaEntity } from '@praxis/platform/member-replica';
import {
  assertNotFrozen,
  CompetitionPhase,
  ConflictKind,
  findConflicts,
  NamedConflictStatus,
  type ConflictOfInterest,
  type DeclaredConflict,
  type Rubric,
  type TeamMemberSnapshot,
  ProposalsDomainError,
} from '@praxis/proposals/domain';
import { JudgingAuditAction } from './judging.enums';
import { isUuid } from '@praxis/platform/graphql';

/**
 * Ids that do not come through `IdArg` (a reference's representation, a nested list element) are checked
 * here, with the same rule: a malformed one is the caller's mistake, not a database error.
 */
export function requireUuid(value: unknown, field: string): string {
  if (!isUuid(value)) {
    throw ProposalsDomainError.invalid([{ field, rule: 'uuid', message: 'must be a UUID' }]);
  }
  return value.toLowerCase();
}

/** The longest text a search argument takes (titles and names are at most 200 characters). */
export const MAX_SEARCH_TEXT = 200;

/** A search argument (`titleContains`, `nameContains`) trimmed, null when blank, refused past MAX_SEARCH_TEXT. */
export function searchText(value: string | null | undefined, field: string): string | null {
  const text = value?.trim() ?? '';
  if (text.length > MAX_SEARCH_TEXT) {
    throw ProposalsDomainError.invalid([
      { field, rule: 'maxLength', message: `must be at most ${MAX_SEARCH_TEXT} characters` },
    ]);
  }
  return text || null;
}

export function phaseOf(competition: CompetitionEntity): CompetitionPhase {
  return competition.phase as CompetitionPhase;
}

export function datesOf(competition: CompetitionEntity) {
  return {
    opensAt: competition.opensAt,
    closesAt: competition.closesAt,
    judgingEndsAt: competition.judgingEndsAt,
  };
}

export function rubricOf(competition: CompetitionEntity): Rubric {
  return { criteria: competition.criteria.map((criterion: StoredCriterion) => criterion) };
}

export async function loadCompetition(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<CompetitionEntity> {
  const competition = await manager.findOne(CompetitionEntity, {
    where: { id: requireUuid(id, 'competitionId') },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!competition) throw ProposalsDomainError.notFound('competition');
  return competition;
}

/**
 * The competition row locked for a change to its judging records. Every writer of the pool, assignments,
 * conflicts, scores or entries takes it (`share` lets such writers run side by side; `update` excludes them),
 * and `publishResults` takes it `FOR UPDATE`: so a change either commits before the ranking is computed or
 * finds the results published and is refused with RESULTS_FROZEN. Lock it before any proposal row, in the
 * order publication does, so the two never deadlock.
 */
export async function lockCompetition(
  manager: EntityManager,
  id: string,
  mode: 'share' | 'update',
  change: string,
): Promise<CompetitionEntity> {
  const competition = await manager.findOne(CompetitionEntity, {
    where: { id: requireUuid(id, 'competitionId') },
    lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
  });
  if (!competition) throw ProposalsDomainError.notFound('competition');
  assertNotFrozen(phaseOf(competition), change);
  return competition;
}

/** Drafts are written (created or edited) only while the competition is OPEN. */
export function assertOpenForDrafts(phase: CompetitionPhase): void {
  if (phase !== CompetitionPhase.OPEN) {
    throw ProposalsDomainError.wrongState(
      `Proposals can be written only while the competition is OPEN; it is ${phase}.`,
      { phase },
    );
  }
}

/**
 * The row with this unique key, locked `FOR UPDATE`, inserted first when absent. A plain read-then-insert lets
 * concurrent first writers all see nothing and all but one fail on the unique key; here a writer that loses the
 * insert (ON CONFLICT DO NOTHING waits for the winner's commit) reads the winner's row instead, so each writer
 * gets one clean outcome. `created` says whether this call inserted it.
 */
export async function lockOrInsert<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  key: FindOptionsWhere<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<{ row: T; created: boolean }> {
  const existing = await manager.findOne(target, { where: key, lock: { mode: 'pessimistic_write' } });
  if (existing) return { row: existing, created: false };
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(values)
    .orIgnore()
    .returning('*')
    .execute();
  const created = Array.isArray(inserted.raw) && inserted.raw.length > 0;
  const row = await manager.findOne(target, { where: key, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new Error('lockOrInsert: the row vanished between insert and read');
  return { row, created };
}

export async function loadProposal(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<ProposalEntity> {
  const proposal = await manager.findOne(ProposalEntity, {
    where: { id: requireUuid(id, 'proposalId') },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!proposal) throw ProposalsDomainError.notFound('proposal');
  return proposal;
}

export async function replicaOf(
  manager: EntityManager,
  memberIds: readonly string[],
): Promise<Map<string, MemberReplicaEntity>> {
  if (memberIds.length === 0) return new Map();
  const rows = await manager
    .getRepository(MemberReplicaEntity)
    .createQueryBuilder('m')
    .where('m.member_id IN (:...ids)', { ids: [...new Set(memberIds)] })
    .getMany();
  return new Map(rows.map((row) => [row.memberId, row]));
}

/**
 * The team as the replica knows it right now, for eligibility: with whether each member's institution and stage
 * are confirmed. Conflicts of interest read the institution alone, confirmed or not (`ConflictJudge`).
 */
export function teamSnapshot(
  team: readonly string[],
  leadId: string,
  replica: Map<string, MemberReplicaEntity>,
): TeamMemberSnapshot[] {
  return team.map((memberId) => {
    // the replica holds a profile only once the member's registration has arrived
    const known = replica.get(memberId);
    return {
      memberId,
      registered: known !== undefined,
      institutionId: known?.institutionId ?? null,
      institutionConfirmed: known?.institutionConfirmed ?? false,
      careerStage: known?.careerStage ?? null,
      careerStageConfirmed: known?.careerStageConfirmed ?? false,
      isLead: memberId === leadId,
      ...(known ? { displayName: known.displayName } : {}),
    };
  });
}

export async function declaredConflicts(
  manager: EntityManager,
  proposalIds: readonly string[],
): Promise<Map<string, DeclaredConflict[]>> {
  const result = new Map<string, DeclaredConflict[]>();
  if (proposalIds.length === 0) return result;
  const rows = await manager
    .getRepository(ConflictEntity)
    .createQueryBuilder('c')
    .where('c.proposal_id IN (:...ids)', { ids: [...new Set(proposalIds)] })
    .andWhere('c.kind IN (:...kinds)', {
      kinds: [ConflictKind.DECLARED_BY_JUDGE, ConflictKind.NAMED_BY_APPLICANT],
    })
    .getMany();
  for (const row of rows) {
    const list = result.get(row.proposalId) ?? [];
    list.push({
      kind: row.kind as ConflictKind.DECLARED_BY_JUDGE | ConflictKind.NAMED_BY_APPLICANT,
      judgeId: row.judgeId,
      reason: row.reason,
      overruled: row.reviewStatus === NamedConflictStatus.OVERRULED,
    });
    result.set(row.proposalId, list);
  }
  return result;
}

/** The conflicts of one (entry, judge) pair; see `conflictsAmong`. */
export type ConflictsOfPair = (proposalId: string, judgeId: string) => ConflictOfInterest[];

/**
 * The conflicts of interest between some entries and some judges, by the one rule (`findConflicts`): the team
 * and the judge as the member replica holds them now, and every conflict declared by a judge or named by the
 * applicants (and not overruled). Automatic assignment, hand assignment, the judge picker, the recorded
 * conflicts and a judge's access to an entry all read conflicts through this, so no path lets through a pair
 * another refuses. Two queries whatever the number of pairs.
 */
export async function conflictsAmong(
  manager: EntityManager,
  proposals: readonly ProposalEntity[],
  judgeIds: readonly string[],
): Promise<ConflictsOfPair> {
  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  // one after the other: inside a transaction the manager holds one connection
  const replica = await replicaOf(manager, [...proposals.flatMap((p) => p.teamMemberIds), ...judgeIds]);
  const declared = await declaredConflicts(manager, [...byId.keys()]);
  const institutionOf = (memberId: string) => replica.get(memberId)?.institutionId ?? null;
  return (proposalId, judgeId) => {
    const proposal = byId.get(proposalId);
    if (!proposal) throw new Error(`conflictsAmong: entry ${proposalId} was not loaded`);
    return findConflicts(
      { memberId: judgeId, institutionId: institutionOf(judgeId) },
      proposal.teamMemberIds.map((memberId) => ({ memberId, institutionId: institutionOf(memberId) })),
      declared.get(proposalId) ?? [],
    );
  };
}

/** Every conflict between one judge and one proposal (`conflictsAmong` for one pair). */
export async function conflictsOf(
  manager: EntityManager,
  proposal: ProposalEntity,
  judgeId: string,
): Promise<ConflictOfInterest[]> {
  return (await conflictsAmong(manager, [proposal], [judgeId]))(proposal.id, judgeId);
}

export async function audit(
  manager: EntityManager,
  entry: {
    competitionId: string;
    action: JudgingAuditAction;
    actorId: string | null;
    proposalId?: string | null;
    judgeId?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO judging_audit (competition_id, action, actor_id, proposal_id, judge_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.competitionId,
      entry.action,
      entry.actorId,
      entry.proposalId ?? null,
      entry.judgeId ?? null,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}

/**
 * Takes a judge off an entry: the assignment goes, and with it any review the judge started or submitted (the
 * ranking counts only the reviews of judges still assigned, so a score of a pair that may not review stops
 * counting; the audit log keeps what was scored). The entry then needs a judge again, which an admin's hand or
 * automatic assignment fills. One `assignment.removed` line when there was an assignment (`detail` adds to its
 * `reason` and `discardedReview`), none when there was not, so releasing twice writes once. Whether it was there.
 * Every path that releases an assignment (a judge's declared conflict, an admin's unassignment, a move that
 * makes the pair conflicted) goes through here.
 */
export async function releaseAssignment(
  manager: EntityManager,
  release: {
    competitionId: string;
    proposalId: string;
    judgeId: string;
    actorId: string | null;
    reason: string;
    detail?: Record<string, unknown>;
  },
): Promise<boolean> {
  const { competitionId, proposalId, judgeId, actorId, reason } = release;
  const deleted = await manager.delete(AssignmentEntity, { proposalId, judgeId });
  const discarded = await manager.delete(ReviewEntity, { proposalId, judgeId });
  if ((deleted.affected ?? 0) === 0) return false;
  await audit(manager, {
    competitionId,
    action: JudgingAuditAction.ASSIGNMENT_REMOVED,
    actorId,
    proposalId,
    judgeId,
    detail: { ...release.detail, reason, discardedReview: (discarded.affected ?? 0) > 0 },
  });
  return true;
}

const AUTOMATIC_KINDS: ReadonlySet<ConflictKind> = new Set([
  ConflictKind.JUDGE_ON_TEAM,
  ConflictKind.SAME_INSTITUTION,
]);

/**
 * Records automatic conflicts (judge on the team, same institution) between the given proposals and judges,
 * once each, with an audit line for each new one; `known` when the caller already read them (`conflictsAmong`).
 */
export async function recordAutomaticConflicts(
  manager: EntityManager,
  competitionId: string,
  proposals: readonly ProposalEntity[],
  judgeIds: readonly string[],
  actorId: string | null,
  known?: ConflictsOfPair,
): Promise<void> {
  if (proposals.length === 0 || judgeIds.length === 0) return;
  const conflicts = known ?? (await conflictsAmong(manager, proposals, judgeIds));
  for (const proposal of proposals) {
    for (const judgeId of judgeIds) {
      // the ones derived from profiles; declared and named ones are recorded when they are stated
      const found = conflicts(proposal.id, judgeId).filter((conflict) => AUTOMATIC_KINDS.has(conflict.kind));
      for (const conflict of found) {
        await recordConflict(manager, {
          competitionId,
          proposalId: proposal.id,
          judgeId,
          kind: conflict.kind,
          reason: conflict.reason,
          actorId,
        });
      }
    }
  }
}

/**
 * Records one automatic conflict unless the pair has one of its kind already, with an audit line when it was
 * new (`detail` adds to the line's kind and reason). Whether it was new.
 */
export async function recordConflict(
  manager: EntityManager,
  entry: {
    competitionId: string;
    proposalId: string;
    judgeId: string;
    kind: ConflictKind;
    reason: string;
    actorId: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<boolean> {
  const { competitionId, proposalId, judgeId, kind, reason, actorId } = entry;
  const inserted: unknown[] = await manager.query(
    `INSERT INTO conflict_of_interest (competition_id, proposal_id, judge_id, kind, reason, declared_by)
     VALUES ($1, $2, $3, $4, $5, NULL) ON CONFLICT DO NOTHING RETURNING id`,
    [competitionId, proposalId, judgeId, kind, reason],
  );
  if (inserted.length === 0) return false;
  await audit(manager, {
    competitionId,
    action: JudgingAuditAction.CONFLICT_RECORDED,
    actorId,
    proposalId,
    judgeId,
    detail: { kind, reason, ...entry.detail },
  });
  return true;
}
