import type { EntityManager } from 'typeorm';
import {
  CompetitionResultsPublishedV1,
  CompetitionResultsPublishedV2,
  ProposalSubmittedV1,
  ProposalWithdrawnV1,
  ReviewSubmittedV1,
} from '@praxis/contracts';
import { handle, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities, removeActivities } from './activity';

/**
 * Proposals' events. Authors are the team named at submission (a blind competition publishes no team: its
 * entries count in the competition's figures, and its winners' teams arrive with the results). `SUBMITTED`
 * counts entries still standing: a withdrawal removes it, whichever of the two events arrives first.
 */
export function proposalsHandlers(): EventHandler[] {
  return [
    handle(ProposalSubmittedV1, async (event, manager) => {
      const { proposalId, competitionId, title, submittedAt, team } = event.payload;
      const rows: Array<{ withdrawn_at: Date | null }> = await manager.query(
        `INSERT INTO engagement_proposal (proposal_id, competition_id, title, member_ids, institution_ids, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (proposal_id) DO UPDATE SET title = EXCLUDED.title,
           member_ids = CASE WHEN cardinality(EXCLUDED.member_ids) > 0 THEN EXCLUDED.member_ids ELSE engagement_proposal.member_ids END,
           institution_ids = CASE WHEN cardinality(EXCLUDED.institution_ids) > 0 THEN EXCLUDED.institution_ids ELSE engagement_proposal.institution_ids END,
           submitted_at = LEAST(engagement_proposal.submitted_at, EXCLUDED.submitted_at)
         RETURNING withdrawn_at`,
        [proposalId, competitionId, title, team?.memberIds ?? [], team?.institutionIds ?? [], submittedAt],
      );
      if (!team) return;
      const facts = team.memberIds.map((memberId) => ({
        memberId,
        sourceId: proposalId,
        occurredAt: submittedAt,
        label: title,
      }));
      await recordActivities(
        manager,
        facts.map((fact) => ({ ...fact, activity: 'PROPOSAL_AUTHORS' as const })),
      );
      if (rows[0]?.withdrawn_at == null) {
        await recordActivities(
          manager,
          facts.map((fact) => ({ ...fact, activity: 'SUBMITTED' as const })),
        );
      }
    }),
    handle(ProposalWithdrawnV1, async (event, manager) => {
      const { proposalId, competitionId, wasSubmitted, withdrawnAt } = event.payload;
      if (!wasSubmitted) return; // a draft was never an entry
      await manager.query(
        `INSERT INTO engagement_proposal (proposal_id, competition_id, title, submitted_at, withdrawn_at)
         VALUES ($1, $2, '', $3, $3)
         ON CONFLICT (proposal_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at`,
        [proposalId, competitionId, withdrawnAt],
      );
      await removeActivities(manager, 'SUBMITTED', proposalId);
    }),
    handle(ReviewSubmittedV1, async (event, manager) => {
      const { reviewId, competitionId, proposalId, submittedAt } = event.payload;
      await manager.query(
        `INSERT INTO engagement_review (review_id, competition_id, proposal_id, submitted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (review_id) DO NOTHING`,
        [reviewId, competitionId, proposalId, submittedAt],
      );
    }),
    // v1 carried plain numbers, v2 Money; engagement reads neither amount, so both project the same way
    handle(CompetitionResultsPublishedV1, (event, manager) => projectResults(manager, event.payload)),
    handle(CompetitionResultsPublishedV2, (event, manager) => projectResults(manager, event.payload)),
  ];
}

interface PublishedResults {
  competitionId: string;
  publishedAt: string;
  winners: Array<{
    proposalId: string;
    rank: number;
    title: string;
    teamMemberIds: string[];
    institutionIds: string[];
  }>;
}

/** Winners become `WINNERS` for every team member; blind entries get their team here. */
async function projectResults(manager: EntityManager, results: PublishedResults): Promise<void> {
  const { competitionId, publishedAt, winners } = results;
  for (const winner of winners) {
    await manager.query(
      `INSERT INTO engagement_proposal
         (proposal_id, competition_id, title, member_ids, institution_ids, submitted_at, winner_rank)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (proposal_id) DO UPDATE SET winner_rank = EXCLUDED.winner_rank,
         member_ids = EXCLUDED.member_ids, institution_ids = EXCLUDED.institution_ids`,
      [
        winner.proposalId,
        competitionId,
        winner.title,
        winner.teamMemberIds,
        winner.institutionIds,
        publishedAt,
        winner.rank,
      ],
    );
    await recordActivities(
      manager,
      winner.teamMemberIds.map((memberId) => ({
        memberId,
        activity: 'WINNERS' as const,
        sourceId: winner.proposalId,
        occurredAt: publishedAt,
        label: winner.title,
      })),
    );
  }
}
