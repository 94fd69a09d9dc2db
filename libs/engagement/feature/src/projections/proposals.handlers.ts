import type { EntityManager } from 'typeorm';
import {
  CompetitionResultsPublishedV1,
  CompetitionResultsPublishedV2,
  ProposalSubmittedV1,
  ProposalWithdrawnV1,
  ReviewSubmittedV1,
} from '@praxis/contracts';
import { handleInBatches, type EventHandler } from '@praxis/platform/messaging';
import { recordActivities, removeActivities } from './activity';
import { insertFirstArrived, writeRows } from './rows';

/**
 * Proposals' events. Authors are the team named at submission, and the entry's lead applicant with them (a blind
 * competition publishes no team: its entries count in the competition's figures, and its winners' teams and leads
 * arrive with the results). `SUBMITTED`
 * counts entries still standing: a withdrawal removes it, whichever of the two events arrives first. Submissions
 * and withdrawals are written for a run of events at once as for one (each table's rows in their order).
 */
export function proposalsHandlers(): EventHandler[] {
  return [
    handleInBatches(ProposalSubmittedV1, async (events, manager) => {
      const rows = await writeRows(
        manager,
        `INSERT INTO engagement_proposal
           (proposal_id, competition_id, title, member_ids, institution_ids, lead_member_id, submitted_at)
         SELECT r.proposal_id, r.competition_id, r.title, r.member_ids, r.institution_ids, r.lead_member_id, r.submitted_at
           FROM jsonb_to_recordset($1::jsonb) AS r(proposal_id uuid, competition_id uuid, title text,
             member_ids uuid[], institution_ids uuid[], lead_member_id uuid, submitted_at timestamptz)
         ON CONFLICT (proposal_id) DO UPDATE SET title = EXCLUDED.title,
           member_ids = CASE WHEN cardinality(EXCLUDED.member_ids) > 0 THEN EXCLUDED.member_ids ELSE engagement_proposal.member_ids END,
           institution_ids = CASE WHEN cardinality(EXCLUDED.institution_ids) > 0 THEN EXCLUDED.institution_ids ELSE engagement_proposal.institution_ids END,
           lead_member_id = COALESCE(EXCLUDED.lead_member_id, engagement_proposal.lead_member_id),
           submitted_at = LEAST(engagement_proposal.submitted_at, EXCLUDED.submitted_at)
         RETURNING proposal_id, withdrawn_at`,
        events.map(({ payload }) => ({
          proposal_id: payload.proposalId,
          competition_id: payload.competitionId,
          title: payload.title,
          member_ids: payload.team?.memberIds ?? [],
          institution_ids: payload.team?.institutionIds ?? [],
          lead_member_id: payload.team?.leadApplicantId ?? null,
          submitted_at: payload.submittedAt,
        })),
        (row) => row.proposal_id.toLowerCase(),
      );
      // submitting never changes withdrawn_at, so every round reads the same value for a proposal
      const withdrawn = new Set(
        rows.filter((row) => row.withdrawn_at != null).map((row) => String(row.proposal_id)),
      );
      const facts = events.flatMap(({ payload: { proposalId, title, submittedAt, team } }) =>
        (team?.memberIds ?? []).map((memberId) => ({
          memberId,
          sourceId: proposalId,
          occurredAt: submittedAt,
          label: title,
        })),
      );
      await recordActivities(
        manager,
        facts.map((fact) => ({ ...fact, activity: 'PROPOSAL_AUTHORS' as const })),
      );
      await recordActivities(
        manager,
        facts
          .filter((fact) => !withdrawn.has(fact.sourceId.toLowerCase()))
          .map((fact) => ({ ...fact, activity: 'SUBMITTED' as const })),
      );
    }),
    handleInBatches(ProposalWithdrawnV1, async (events, manager) => {
      // a draft was never an entry
      const entries = events.filter((event) => event.payload.wasSubmitted);
      await writeRows(
        manager,
        `INSERT INTO engagement_proposal (proposal_id, competition_id, title, submitted_at, withdrawn_at)
         SELECT r.proposal_id, r.competition_id, '', r.withdrawn_at, r.withdrawn_at
           FROM jsonb_to_recordset($1::jsonb) AS r(proposal_id uuid, competition_id uuid, withdrawn_at timestamptz)
         ON CONFLICT (proposal_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at`,
        entries.map(({ payload }) => ({
          proposal_id: payload.proposalId,
          competition_id: payload.competitionId,
          withdrawn_at: payload.withdrawnAt,
        })),
        (row) => row.proposal_id.toLowerCase(),
      );
      await removeActivities(
        manager,
        'SUBMITTED',
        entries.map((event) => event.payload.proposalId),
      );
    }),
    handleInBatches(ReviewSubmittedV1, (events, manager) =>
      insertFirstArrived(
        manager,
        'engagement_review',
        { review_id: 'uuid', competition_id: 'uuid', proposal_id: 'uuid', submitted_at: 'timestamptz' },
        ['review_id'],
        events.map(({ payload }) => ({
          review_id: payload.reviewId,
          competition_id: payload.competitionId,
          proposal_id: payload.proposalId,
          submitted_at: payload.submittedAt,
        })),
      ),
    ),
    // v1 carried plain numbers, v2 Money; engagement reads neither amount, so both project the same way
    handleInBatches(CompetitionResultsPublishedV1, (events, manager) =>
      projectResults(
        manager,
        events.map((event) => event.payload),
      ),
    ),
    handleInBatches(CompetitionResultsPublishedV2, (events, manager) =>
      projectResults(
        manager,
        events.map((event) => event.payload),
      ),
    ),
  ];
}

interface PublishedResults {
  competitionId: string;
  publishedAt: string;
  winners: Array<{
    proposalId: string;
    rank: number;
    title: string;
    leadApplicantId: string;
    teamMemberIds: string[];
    institutionIds: string[];
  }>;
}

/**
 * Winners become `WINNERS` for every team member; blind entries get their team here. The winners' proposal rows go
 * in their order (one proposal's rows round by round), then their activities: no rule of either table reads the
 * other.
 */
async function projectResults(manager: EntityManager, published: readonly PublishedResults[]): Promise<void> {
  const winners = published.flatMap(({ competitionId, publishedAt, winners }) =>
    winners.map((winner) => ({ ...winner, competitionId, publishedAt })),
  );
  await writeRows(
    manager,
    `INSERT INTO engagement_proposal
       (proposal_id, competition_id, title, member_ids, institution_ids, lead_member_id, submitted_at, winner_rank)
     SELECT r.proposal_id, r.competition_id, r.title, r.member_ids, r.institution_ids, r.lead_member_id,
         r.submitted_at, r.winner_rank
       FROM jsonb_to_recordset($1::jsonb) AS r(proposal_id uuid, competition_id uuid, title text,
         member_ids uuid[], institution_ids uuid[], lead_member_id uuid, submitted_at timestamptz, winner_rank integer)
     ON CONFLICT (proposal_id) DO UPDATE SET winner_rank = EXCLUDED.winner_rank,
       member_ids = EXCLUDED.member_ids, institution_ids = EXCLUDED.institution_ids,
       lead_member_id = EXCLUDED.lead_member_id`,
    winners.map((winner) => ({
      proposal_id: winner.proposalId,
      competition_id: winner.competitionId,
      title: winner.title,
      member_ids: winner.teamMemberIds,
      institution_ids: winner.institutionIds,
      lead_member_id: winner.leadApplicantId,
      submitted_at: winner.publishedAt,
      winner_rank: winner.rank,
    })),
    (row) => row.proposal_id.toLowerCase(),
  );
  await recordActivities(
    manager,
    winners.flatMap((winner) =>
      winner.teamMemberIds.map((memberId) => ({
        memberId,
        activity: 'WINNERS' as const,
        sourceId: winner.proposalId,
        occurredAt: winner.publishedAt,
        label: winner.title,
      })),
    ),
  );
}
