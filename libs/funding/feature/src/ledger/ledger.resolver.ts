import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { IdArg, pageSize, toMoneyObject, type Connection } from '@praxis/platform/graphql';
import type { SpendEntryEntity } from '@praxis/funding/data-access';
import type { LineFigures } from '@praxis/funding/domain';
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
  ): Promise<AwardBudgetObject> {
    const view = await this.ledger.budget(await this.awards.get(parent.id, principal));
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

  @ResolveField(() => SpendEntryConnection, { description: 'The ledger, newest first' })
  async spendEntries(
    @Parent() parent: AwardObject,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<SpendEntryObject>> {
    const award = await this.awards.get(parent.id, principal);
    const page = await this.ledger.entries(award, principal, pageSize(first), after);
    return {
      ...page,
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toEntryObject(edge.node) })),
    };
  }
}
