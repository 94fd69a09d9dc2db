import type { EntityManager } from 'typeorm';
import type { RoleChange } from '@praxis/platform/member-replica';
import { CompetitionEntity } from '@praxis/proposals/data-access';
import { CompetitionPhase } from '@praxis/proposals/domain';
import { releaseAssignment } from '../proposals.records';

/** Competitions whose assignments are history (published results) or judge nothing more (cancelled). */
const SETTLED: readonly string[] = [CompetitionPhase.RESULTS_PUBLISHED, CompetitionPhase.CANCELLED];

/** The audit line's reason, as automatic assignment words it when it drops such a judge's assignment. */
const REASON = 'the judge no longer holds the judge role';

/** The assignments of a judge left without a submitted score (a review row is a submitted score). */
const UNSCORED = `FROM assignment a
  WHERE a.judge_id = $1
    AND NOT EXISTS (SELECT 1 FROM review r WHERE r.proposal_id = a.proposal_id AND r.judge_id = a.judge_id)`;

/**
 * A judge whose JUDGE role membership revoked can no longer score (every judging operation reads the role from
 * the replica), so each of their assignments without a submitted score would wait for them forever and hold the
 * competition's results back. In every competition not yet settled, each is released as a declared conflict
 * releases one (`releaseAssignment`, one audit line saying why), and the entry needs a judge again. Scores they
 * submitted stay, with their assignments: they were given while the judge held the right. A re-grant later
 * brings nothing back. Runs in the replica's transaction, only when the revocation took a role the replica held,
 * so a redelivered or stale revocation releases nothing; a second run finds nothing left to release.
 */
export async function releaseAssignmentsWhenJudgeRoleRevoked(
  change: RoleChange,
  manager: EntityManager,
): Promise<void> {
  if (change.role !== 'judge' || change.held) return;
  const judgeId = change.memberId;
  const competitions: Array<{ id: string }> = await manager.query(
    `SELECT DISTINCT a.competition_id AS id ${UNSCORED} ORDER BY a.competition_id`,
    [judgeId],
  );
  // in id order, as the institution refresh takes them, so the two never wait on each other in a cycle
  for (const { id } of competitions) {
    // FOR UPDATE, as publication and assignment take it: a score submission holds it FOR SHARE from before its
    // role check to its commit, so it either commits first (its score is seen below and stays) or runs after
    // this commits and finds the role gone; neither leaves a score without its assignment
    const competition = await manager.findOne(CompetitionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!competition || SETTLED.includes(competition.phase)) continue;
    // read again under the lock: a score that committed while this waited keeps its assignment
    const open: Array<{ proposalId: string }> = await manager.query(
      `SELECT a.proposal_id AS "proposalId" ${UNSCORED} AND a.competition_id = $2 ORDER BY a.proposal_id`,
      [judgeId, id],
    );
    for (const { proposalId } of open) {
      await releaseAssignment(manager, {
        competitionId: id,
        proposalId,
        judgeId,
        actorId: null,
        reason: REASON,
        detail: { cause: 'judge-role-revoked' },
      });
    }
  }
}
