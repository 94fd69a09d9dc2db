import { Args, Context, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { IdArg, pageSize, requestLoader, toMoneyObject, type Connection } from '@praxis/platform/graphql';
import type { AwardEntity, SpendEntryEntity } from '@praxis/funding/data-access';
import type { LineFigures } from '@praxis/funding/domain';
import { visibleAward, visibleAwardLoader } from '../award/award.loaders';
import { AwardObject } from '../award/award.objects';
import { AwardsService } from '../award/awards.service';
import { memberRef } from '../funding.refs';
import {
  AwardBudgetObject,
  RecordSpendInput,
  SpendEntryConnection,
  SpendEntryObject,
} from './ledger.objects';
import { LedgerService } from './ledger.service';

function toEntryObject(row: SpendEntryEntity): SpendEntryObject {
  return {
    id: row.id,
    awardId: row.awardId,
    budgetLine: row.category,
    kind: row.kind,
    amount: toMoneyObject({ amountMinor: row.amountMinor, currency: row.currency }),
    date: row.spentOn,
    description: row.description,
    reference: row.reference,
    reversesEntryId: row.reversesEntryId,
    overrideReason: row.overrideReason,
    recordedBy: memberRef(row.recordedBy),
    recordedAt: row.recordedAt,
  };
}

function toLineObject(line: LineFigures) {
  return {
    category: line.category,
    budgeted: toMoneyObject(line.budgeted),
    committed: toMoneyObject(line.committed),
    paid: toMoneyObject(line.paid),
    remaining: toMoneyObject(line.remaining),
  };
}

/** The spend ledger: admins record and reverse; whoever sees an award sees its budget and entries. */
@Resolver(() => AwardObject)
export class LedgerResolver {
  constructor(
    private readonly ledger: LedgerService,
    private readonly awards: AwardsService,
  ) {}

  @Roles('admin')
  @Mutation(() => SpendEntryObject, {
    description:
      'Appends a commitment or payment; refused with the figures when it would take the line past its budget unless overridden with a reason, and always when it would take the fund below zero',
  })
  async recordSpend(
    @CurrentPrincipal() principal: Principal,
    @IdArg('awardId') awardId: string,
    @Args('input') input: RecordSpendInput,
  ): Promise<SpendEntryObject> {
    return toEntryObject(await this.ledger.recordSpend(awardId, input, principal.memberId));
  }

  @Roles('admin')
  @Mutation(() => SpendEntryObject, { description: 'Appends the reversal of an entry (once per entry)' })
  async reverseSpend(
    @CurrentPrincipal() principal: Principal,
    @IdArg('entryId') entryId: string,
    @Args('reason') reason: string,
  ): Promise<SpendEntryObject> {
    return toEntryObject(await this.ledger.reverseSpend(entryId, reason, principal.memberId));
  }

  @ResolveField(() => AwardBudgetObject, {
    description: 'Per line budgeted, committed, paid and remaining, and the burn rate against elapsed time',
  })
  async budget(
    @Parent() parent: AwardObject,
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
  ): Promise<AwardBudgetObject> {
    // the award through the page's award loader (its rule per record), then the lines and entries of every award
    // of the page in one query each
    const awards = visibleAwardLoader(this.awards, request, principal);
    const award = await visibleAward(this.awards, request, principal, parent.id);
    const budget = await requestLoader(
      request,
      'funding.budget',
      async (ids) =>
        this.ledger.budgets(
          (await awards.loadMany(ids)).filter(
            (loaded): loaded is AwardEntity => loaded !== null && !(loaded instanceof Error),
          ),
        ),
      (loaded) => loaded.awardId,
    ).load(award.id);
    if (!budget) throw new Error(`the budget of award ${award.id} did not load`);
    const { view } = budget;
    return {
      lines: view.lines.map(toLineObject),
      budgeted: toMoneyObject(view.budgeted),
      committed: toMoneyObject(view.committed),
      paid: toMoneyObject(view.paid),
      remaining: toMoneyObject(view.remaining),
      burn: {
        ...view.burn,
        projectedAtEnd: view.burn.projectedAtEnd === null ? null : toMoneyObject(view.burn.projectedAtEnd),
      },
    };
  }

  /**
   * Still one query per award (after the page's award loader): the ledger is paged per award with its own cursor,
   * and the only reader asks for it on one award at a time (the award page). A page of awards would need the
   * window-function form (`row_number() over (partition by award_id ...)`) with a cursor per parent.
   */
  @ResolveField(() => SpendEntryConnection, { description: 'The ledger, newest first' })
  async spendEntries(
    @Parent() parent: AwardObject,
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<SpendEntryObject>> {
    const award = await visibleAward(this.awards, request, principal, parent.id);
    const page = await this.ledger.entries(award, principal, pageSize(first), after);
    return {
      ...page,
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toEntryObject(edge.node) })),
    };
  }
}
