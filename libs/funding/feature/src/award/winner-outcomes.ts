import { Injectable } from '@nestjs/common';
import { Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { DataSource, type EntityManager } from 'typeorm';
import { CurrentPrincipal, isAdmin, leadInstitutions, type Principal } from '@praxis/platform/auth';
import { IdArg, MoneyObject, toMoneyObject } from '@praxis/platform/graphql';
import { WinnerOutcomeEntity } from '@praxis/funding/data-access';
import type { CurrencyCode } from '@praxis/contracts';
import { MemberRef, memberRef } from '../funding.refs';

export const WINNER_FUNDING_OUTCOMES = ['FUNDED', 'CAPPED', 'NOTHING_LEFT', 'NO_FUND'] as const;
export type WinnerFundingOutcome = (typeof WINNER_FUNDING_OUTCOMES)[number];
export const WinnerFundingOutcomeEnum = Object.fromEntries(
  WINNER_FUNDING_OUTCOMES.map((value) => [value, value]),
) as Record<WinnerFundingOutcome, WinnerFundingOutcome>;
registerEnumType(WinnerFundingOutcomeEnum, {
  name: 'WinnerFundingOutcome',
  valuesMap: {
    FUNDED: { description: 'Offered what they asked for' },
    CAPPED: { description: 'Offered less than asked: the competition ran short (see reason)' },
    NOTHING_LEFT: {
      description: 'No award: higher-ranked winners took what the competition had (see reason)',
    },
    NO_FUND: { description: 'Offered, but on no fund, so it cannot be activated yet (see reason)' },
  },
});

@ObjectType('CompetitionFundingOutcome', {
  description: 'What a winner of a competition got from funding: an award, or the reason for none',
})
export class CompetitionFundingOutcomeObject {
  @Field(() => ID)
  competitionId!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int)
  rank!: number;

  @Field(() => MemberRef)
  principalInvestigator!: MemberRef;

  @Field(() => WinnerFundingOutcomeEnum)
  outcome!: WinnerFundingOutcome;

  @Field(() => MoneyObject)
  requested!: MoneyObject;

  @Field(() => MoneyObject, { description: 'Zero when nothing was left' })
  offered!: MoneyObject;

  @Field(() => String, {
    nullable: true,
    description: 'Why the winner got less than asked or no fund; null when funded in full',
  })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The award offered; null when nothing was left' })
  awardId!: string | null;
}

/** Stores what a winner got (or why nothing); a redelivered results event records nothing twice. */
export async function recordWinnerOutcome(
  manager: EntityManager,
  outcome: Omit<WinnerOutcomeEntity, 'recordedAt'>,
): Promise<void> {
  await manager.createQueryBuilder().insert().into(WinnerOutcomeEntity).values(outcome).orIgnore().execute();
}

const NO_FUND_YET =
  "The competition has no fund yet: the award is offered but cannot be activated until an admin creates the competition's fund";
const FUND_SHORT =
  "The competition's fund could not promise the whole amount when it was created: an admin must fund this award before it can be activated";

@Injectable()
export class WinnerOutcomesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A competition's winners and what each got, in rank order: admins all; a winner's principal investigator and
   * team, their institutions' leads and the award's supervisor theirs; anyone else an empty list.
   */
  async forCompetition(
    competitionId: string,
    principal: Principal,
  ): Promise<CompetitionFundingOutcomeObject[]> {
    const rows: Array<{
      proposal_id: string;
      rank: number;
      principal_investigator_id: string;
      share: string;
      currency: CurrencyCode;
      requested_minor: string;
      amount_minor: string;
      reason: string | null;
      award_id: string | null;
      unfunded: boolean;
      has_fund: boolean;
    }> = await this.dataSource.query(
      `SELECT o.proposal_id, o.rank, o.principal_investigator_id, o.share, o.currency, o.requested_minor,
              o.amount_minor, o.reason, o.award_id, (a.id IS NOT NULL AND a.fund_id IS NULL) AS unfunded,
              EXISTS (SELECT 1 FROM fund f WHERE f.competition_id = o.competition_id) AS has_fund
         FROM winner_outcome o LEFT JOIN award a ON a.id = o.award_id
        WHERE o.competition_id = $1
          AND ($2 OR o.principal_investigator_id = $3 OR $3 = ANY(o.team_member_ids) OR a.supervisor_id = $3
               OR o.institution_ids && $4::uuid[])
        ORDER BY o.rank, o.proposal_id`,
      [competitionId, isAdmin(principal), principal.memberId, leadInstitutions(principal)],
    );
    return rows.map((row) => {
      const outcome: WinnerFundingOutcome = row.unfunded
        ? 'NO_FUND'
        : row.share === 'FULL'
          ? 'FUNDED'
          : (row.share as 'CAPPED' | 'NOTHING_LEFT');
      const fundReason = row.has_fund ? FUND_SHORT : NO_FUND_YET;
      return {
        competitionId,
        proposalId: row.proposal_id,
        rank: row.rank,
        principalInvestigator: memberRef(row.principal_investigator_id),
        outcome,
        requested: toMoneyObject({ amountMinor: Number(row.requested_minor), currency: row.currency }),
        offered: toMoneyObject({ amountMinor: Number(row.amount_minor), currency: row.currency }),
        reason: row.unfunded ? [row.reason, fundReason].filter(Boolean).join('. ') : row.reason,
        awardId: row.award_id,
      };
    });
  }
}

@Resolver(() => CompetitionFundingOutcomeObject)
export class WinnerOutcomesResolver {
  constructor(private readonly outcomes: WinnerOutcomesService) {}

  @Query(() => [CompetitionFundingOutcomeObject], {
    description:
      "What each winner of a competition got from funding, in rank order, with the reason when less than asked or nothing: admins all; a winner's team, their institutions' leads and supervisor theirs (a competition's winners are few)",
  })
  competitionFundingOutcomes(
    @CurrentPrincipal() principal: Principal,
    @IdArg('competitionId') competitionId: string,
  ): Promise<CompetitionFundingOutcomeObject[]> {
    return this.outcomes.forCompetition(competitionId, principal);
  }
}
