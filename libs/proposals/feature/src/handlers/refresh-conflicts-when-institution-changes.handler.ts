import type { EntityManager } from 'typeorm';
import type { InstitutionChange } from '@praxis/platform/member-replica';
import {
  AssignmentEntity,
  CompetitionEntity,
  CompetitionJudgeEntity,
  ConflictEntity,
  ProposalEntity,
} from '@praxis/proposals/data-access';
import {
  CompetitionPhase,
  ConflictKind,
  conflictRecordChanges,
  type PairConflict,
} from '@praxis/proposals/domain';
import { JudgingAuditAction } from '../judging.enums';
import { ProposalStatus } from '../proposals.objects';
import { audit, conflictsAmong, recordConflict, releaseAssignment } from '../proposals.records';

/**
 * Competitions whose recorded conflicts are history: published results froze them with the ranking they
 * explain (trust.md 3.2), and a cancelled competition judges nothing more. A move leaves them as they were.
 */
const SETTLED: readonly string[] = [CompetitionPhase.RESULTS_PUBLISHED, CompetitionPhase.CANCELLED];

/**
 * The recorded same-institution conflicts, and the assignments they forbid, follow members who change
 * institution. Every decision reads the institution live (`conflictsAmong`), but the record is written when a
 * judge joins, at assignment and at submission; without this, a judge who moved away would stay recorded as
 * conflicted, and one who moved in would not be. For every competition not yet settled in which a moved member judges or is on a submitted
 * entry's team, the same-institution conflicts of the pairs the member is in are re-derived and the record
 * made to match: rows that no longer hold are deleted, new ones recorded, changed reasons rewritten, each
 * with an audit line (the audit log keeps what the record said); an assignment of a pair the move made
 * conflicted is released (`releaseAssignment`, its review discarded). Runs in the replica's transaction.
 */
export async function refreshConflictsWhenInstitutionChanges(
  changes: readonly InstitutionChange[],
  manager: EntityManager,
): Promise<void> {
  const moved = [...new Set(changes.map((change) => change.memberId))];
  if (moved.length === 0) return;
  const competitions: Array<{ id: string }> = await manager.query(
    `SELECT c.id FROM competition c
      WHERE c.phase <> ALL($2::text[])
        AND (EXISTS (SELECT 1 FROM competition_judge j WHERE j.competition_id = c.id AND j.member_id = ANY($1::uuid[]))
          OR EXISTS (SELECT 1 FROM proposal p WHERE p.competition_id = c.id AND p.status = $3
                        AND p.team_member_ids && $1::uuid[]))
      ORDER BY c.id`,
    [moved, SETTLED, ProposalStatus.SUBMITTED],
  );
  // in id order, so two refreshes sharing competitions take their locks in the same order
  for (const { id } of competitions) await refreshCompetition(manager, id, new Set(moved));
}

async function refreshCompetition(
  manager: EntityManager,
  competitionId: string,
  moved: ReadonlySet<string>,
): Promise<void> {
  // FOR UPDATE, not the FOR SHARE of other judging writers: two moves refreshing one competition side by side
  // would each read the other's member as it was before (a judge and an applicant moving into one institution
  // would each find no colleague). Taken after this transaction wrote the replica, so a writer that read the
  // replica before it has committed, and every read below sees the replica as it is now.
  const competition = await manager.findOne(CompetitionEntity, {
    where: { id: competitionId },
    lock: { mode: 'pessimistic_write' },
  });
  // settled while this waited for the lock: its record is history now
  if (!competition || SETTLED.includes(competition.phase)) return;
  const judgeIds = (await manager.find(CompetitionJudgeEntity, { where: { competitionId } })).map(
    (judge) => judge.memberId,
  );
  const entries = await manager.find(ProposalEntity, {
    where: { competitionId, status: ProposalStatus.SUBMITTED },
  });
  // the pairs a moved member is in: as a judge of any entry, or on an entry's team with any judge
  const movedIn = (proposal: ProposalEntity, judgeId: string) => [
    ...new Set([judgeId, ...proposal.teamMemberIds].filter((memberId) => moved.has(memberId))),
  ];
  const pairs = entries.flatMap((proposal) =>
    judgeIds
      .map((judgeId) => ({ proposal, judgeId, memberIds: movedIn(proposal, judgeId) }))
      .filter((pair) => pair.memberIds.length > 0),
  );
  if (pairs.length === 0) return;
  const pairKey = (proposalId: string, judgeId: string) => `${proposalId}\u0000${judgeId}`;
  const causes = new Map(pairs.map((pair) => [pairKey(pair.proposal.id, pair.judgeId), pair.memberIds]));

  const conflicts = await conflictsAmong(
    manager,
    [...new Set(pairs.map((pair) => pair.proposal))],
    [...new Set(pairs.map((pair) => pair.judgeId))],
  );
  const holding: PairConflict[] = pairs.flatMap(({ proposal, judgeId }) =>
    conflicts(proposal.id, judgeId)
      .filter((conflict) => conflict.kind === ConflictKind.SAME_INSTITUTION)
      .map((conflict) => ({ proposalId: proposal.id, judgeId, reason: conflict.reason })),
  );
  const rows = await manager.find(ConflictEntity, {
    where: { competitionId, kind: ConflictKind.SAME_INSTITUTION },
  });
  const recorded = rows.filter((row) => causes.has(pairKey(row.proposalId, row.judgeId)));
  const changes = conflictRecordChanges(recorded, holding);

  // the audit line says which moved member caused the change
  const detail = (conflict: PairConflict) => ({
    kind: ConflictKind.SAME_INSTITUTION,
    reason: conflict.reason,
    cause: 'institution-changed',
    memberIds: causes.get(pairKey(conflict.proposalId, conflict.judgeId)) ?? [],
  });
  for (const conflict of changes.cleared) {
    await manager.query(
      `DELETE FROM conflict_of_interest WHERE proposal_id = $1 AND judge_id = $2 AND kind = $3`,
      [conflict.proposalId, conflict.judgeId, ConflictKind.SAME_INSTITUTION],
    );
    await audit(manager, {
      competitionId,
      action: JudgingAuditAction.CONFLICT_CLEARED,
      actorId: null,
      proposalId: conflict.proposalId,
      judgeId: conflict.judgeId,
      detail: detail(conflict),
    });
  }
  for (const conflict of changes.added) {
    await recordConflict(manager, {
      competitionId,
      proposalId: conflict.proposalId,
      judgeId: conflict.judgeId,
      kind: ConflictKind.SAME_INSTITUTION,
      reason: conflict.reason,
      actorId: null,
      detail: detail(conflict),
    });
  }
  for (const conflict of changes.revised) {
    await manager.query(
      `UPDATE conflict_of_interest SET reason = $4 WHERE proposal_id = $1 AND judge_id = $2 AND kind = $3`,
      [conflict.proposalId, conflict.judgeId, ConflictKind.SAME_INSTITUTION, conflict.reason],
    );
    await audit(manager, {
      competitionId,
      action: JudgingAuditAction.CONFLICT_REVISED,
      actorId: null,
      proposalId: conflict.proposalId,
      judgeId: conflict.judgeId,
      detail: { ...detail(conflict), previousReason: conflict.previousReason },
    });
  }

  // A judge the move put in conflict with an entry they are assigned to could never review it (access reads
  // institutions live), and the entry would wait for them forever: the assignment is released as when the
  // judge declares a conflict, a submitted score with it (a conflicted score does not count), and the entry
  // needs a judge again. Only the pairs holding now, so a move that ends a conflict releases nothing; once
  // released, nothing is left to release, so a redelivered move writes nothing.
  const conflicted = new Map(
    holding.map((conflict) => [pairKey(conflict.proposalId, conflict.judgeId), conflict]),
  );
  const assignments = await manager.find(AssignmentEntity, { where: { competitionId } });
  for (const assignment of assignments) {
    const conflict = conflicted.get(pairKey(assignment.proposalId, assignment.judgeId));
    if (!conflict) continue;
    await releaseAssignment(manager, {
      competitionId,
      proposalId: assignment.proposalId,
      judgeId: assignment.judgeId,
      actorId: null,
      reason: 'conflict of interest after an institution change',
      detail: {
        kind: ConflictKind.SAME_INSTITUTION,
        conflict: conflict.reason,
        cause: 'institution-changed',
        memberIds: causes.get(pairKey(conflict.proposalId, conflict.judgeId)) ?? [],
      },
    });
  }
}
