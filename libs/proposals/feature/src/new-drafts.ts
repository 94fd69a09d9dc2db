import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import type { CurrencyCode } from '@praxis/contracts';
import { entityColumns, hydrate, poolQuery } from '@praxis/platform/database';
import { CompetitionEntity, ProposalEntity, TeamInvitationEntity } from '@praxis/proposals/data-access';
import {
  CompetitionPhase,
  InvitationStatus,
  ProposalsDomainError,
  assertNotFrozen,
} from '@praxis/proposals/domain';
import { ProposalStatus } from './proposals.objects';
import { assertOpenForDrafts } from './proposals.records';

/** A new draft's values: its text trimmed, its amount in minor units of `currency`, its team wanted. */
export interface NewDraft {
  competitionId: string;
  /** The competition's currency the amount was read in (`NewDrafts.currencyOf`). */
  currency: CurrencyCode;
  title: string;
  summary: string;
  aims: string;
  methods: string;
  expectedImpact: string;
  keywords: string[];
  leadApplicantId: string;
  requestedFundingMinor: number;
  requestedHours: number;
  /** The author: on the team at once, their invitation accepted. */
  authorId: string;
  /** Everyone invited, the author included, each once (lower-case ids). */
  invitees: readonly string[];
}

const PROPOSAL_PREFIX = 'p_';
/** Competitions whose currency is remembered, at most (the least recently used is let go first). */
const CURRENCIES_KEPT = 1000;

type CreatedRow = Record<string, unknown> & { competition_phase: string; competition_currency: string };

/**
 * New drafts written in one statement: the competition row locked `FOR SHARE` (so its phase cannot change until
 * the draft commits, and a phase changed first is the one read), the proposal inserted only while that phase is
 * OPEN, and the team's invitations (the author's accepted) inserted with it. One statement is its own
 * transaction; a draft sends no event. It replaces BEGIN, the locked read, TypeORM's insert, one insert per
 * invitation, the count of places and COMMIT (six round trips and TypeORM's per-entity work). It is prepared once
 * per pooled connection: parsing, analysing and planning its text on every draft was about half of PostgreSQL's
 * CPU per draft (docs/performance.md, eleventh pass).
 *
 * The amount is checked against the competition's currency before the statement, so the currency is read
 * first; a competition's currency never changes, so it is remembered per competition and the statement refuses
 * to insert if it ever differed.
 */
export class NewDrafts {
  private statement: string | undefined;
  private readonly currencies = new LRUCache<string, CurrencyCode>({ max: CURRENCIES_KEPT });

  constructor(private readonly dataSource: DataSource) {}

  /** The competition's currency (a competition that does not exist is NOT_FOUND). */
  async currencyOf(competitionId: string): Promise<CurrencyCode> {
    const kept = this.currencies.get(competitionId);
    if (kept) return kept;
    const rows = await poolQuery<{ currency: CurrencyCode }>(
      this.dataSource,
      'SELECT currency FROM competition WHERE id = $1',
      [competitionId],
    );
    if (rows.length === 0) throw ProposalsDomainError.notFound('competition');
    this.currencies.set(competitionId, rows[0].currency);
    return rows[0].currency;
  }

  /**
   * Inserts the draft and its invitations if the competition is OPEN; otherwise refuses with the phase the lock
   * read (RESULTS_FROZEN once results are published, WRONG_STATE in any other phase but OPEN).
   */
  async create(draft: NewDraft): Promise<ProposalEntity> {
    const rows = await poolQuery<CreatedRow>(
      this.dataSource,
      this.sql,
      [
        draft.competitionId,
        ProposalStatus.DRAFT,
        draft.title,
        draft.summary,
        draft.aims,
        draft.methods,
        draft.expectedImpact,
        draft.keywords,
        draft.leadApplicantId,
        draft.authorId,
        draft.requestedFundingMinor,
        draft.requestedHours,
        CompetitionPhase.OPEN,
        draft.currency,
        InvitationStatus.ACCEPTED,
        InvitationStatus.PENDING,
        draft.invitees,
      ],
      { prepare: 'proposals.new-draft' },
    );
    if (rows.length === 0) throw ProposalsDomainError.notFound('competition');
    const [row] = rows;
    const phase = row.competition_phase as CompetitionPhase;
    assertNotFrozen(phase, 'entries');
    assertOpenForDrafts(phase);
    if (row[`${PROPOSAL_PREFIX}id`] == null) {
      throw new Error(
        `competition ${draft.competitionId} is in ${row.competition_currency}, not ${draft.currency} as remembered`,
      );
    }
    return hydrate(this.dataSource, ProposalEntity, row, PROPOSAL_PREFIX);
  }

  /**
   * Built on first use: the entity metadata exists only once the data source is initialised. The data-modifying
   * CTEs run whether or not the final SELECT reads them; `created` reads `locked`, so the lock is taken first.
   */
  private get sql(): string {
    if (this.statement) return this.statement;
    const table = (target: typeof CompetitionEntity | typeof ProposalEntity | typeof TeamInvitationEntity) =>
      this.dataSource.getMetadata(target).tableName;
    const [competition, proposal, invitation] = [
      table(CompetitionEntity),
      table(ProposalEntity),
      table(TeamInvitationEntity),
    ];
    this.statement = `WITH locked AS (
        SELECT id, phase, currency FROM ${competition} WHERE id = $1::uuid FOR SHARE
      ), created AS (
        INSERT INTO ${proposal} (competition_id, status, title, summary, aims, methods, expected_impact, keywords,
          lead_applicant_id, team_member_ids, currency, requested_funding_minor, requested_hours,
          submitted_version, first_submitted_at, created_by)
        SELECT locked.id, $2, $3, $4, $5, $6, $7, $8::text[], $9::uuid, ARRAY[$10::uuid], locked.currency,
               $11::bigint, $12::numeric, 0, NULL, $10::uuid
          FROM locked WHERE locked.phase = $13 AND locked.currency = $14
        RETURNING *
      ), invited AS (
        INSERT INTO ${invitation} (proposal_id, member_id, status, invited_by, answered_at)
        SELECT created.id, invitee.member_id,
               CASE WHEN invitee.member_id = $10::uuid THEN $15 ELSE $16 END, $10::uuid,
               CASE WHEN invitee.member_id = $10::uuid THEN now() END
          FROM created CROSS JOIN unnest($17::uuid[]) AS invitee (member_id)
      )
      SELECT locked.phase AS competition_phase, locked.currency AS competition_currency,
             ${entityColumns(this.dataSource, ProposalEntity, 'created', PROPOSAL_PREFIX)}
        FROM locked LEFT JOIN created ON true`;
    return this.statement;
  }
}
