import { Field, Float, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { BUDGET_CATEGORIES, SPEND_KINDS } from '@praxis/contracts';
import { ConnectionType, MoneyInput, MoneyObject } from '@praxis/platform/graphql';
import type { BudgetCategory, BurnStatus, SpendKind } from '@praxis/funding/domain';
import { BudgetCategoryEnum } from '../award/award.objects';
import { MemberRef } from '../funding.refs';

export const SpendKindEnum = Object.fromEntries(SPEND_KINDS.map((kind) => [kind, kind])) as Record<
  SpendKind,
  SpendKind
>;
registerEnumType(SpendKindEnum, { name: 'SpendKind' });
const BURN_STATUSES: readonly BurnStatus[] = ['NOT_STARTED', 'UNDERSPENDING', 'ON_TRACK', 'OVERSPENDING'];
export const BurnStatusEnum = Object.fromEntries(BURN_STATUSES.map((status) => [status, status])) as Record<
  BurnStatus,
  BurnStatus
>;
registerEnumType(BurnStatusEnum, { name: 'BurnStatus' });

@ObjectType('SpendEntry', {
  description: 'A ledger entry; never edited or deleted (a reversal is a new entry)',
})
export class SpendEntryObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  awardId!: string;

  @Field(() => BudgetCategoryEnum)
  budgetLine!: BudgetCategory;

  @Field(() => SpendKindEnum)
  kind!: SpendKind;

  @Field(() => MoneyObject, { description: 'Negative for a reversal' })
  amount!: MoneyObject;

  @Field({ description: 'YYYY-MM-DD' })
  date!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => ID, { nullable: true })
  reversesEntryId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why an admin took the line past its budget' })
  overrideReason!: string | null;

  @Field(() => MemberRef)
  recordedBy!: MemberRef;

  @Field()
  recordedAt!: Date;
}

export const SpendEntryConnection = ConnectionType(SpendEntryObject, 'SpendEntry');

@ObjectType('BudgetLineFigures')
export class BudgetLineFiguresObject {
  @Field(() => BudgetCategoryEnum)
  category!: BudgetCategory;

  @Field(() => MoneyObject)
  budgeted!: MoneyObject;

  @Field(() => MoneyObject, { description: 'Commitments not yet settled by a payment' })
  committed!: MoneyObject;

  @Field(() => MoneyObject)
  paid!: MoneyObject;

  @Field(() => MoneyObject, { description: 'budgeted − committed − paid (negative only after an override)' })
  remaining!: MoneyObject;
}

@ObjectType('BurnRate')
export class BurnRateObject {
  @Field(() => Float, { description: 'Share of the award period elapsed, 0..1' })
  elapsedShare!: number;

  @Field(() => Float, { description: 'Share of the budget paid, 0..1' })
  spentShare!: number;

  @Field(() => Float, { nullable: true, description: 'spentShare ÷ elapsedShare; 1 is on pace' })
  ratio!: number | null;

  @Field(() => MoneyObject, { nullable: true })
  projectedAtEnd!: MoneyObject | null;

  @Field(() => BurnStatusEnum)
  status!: BurnStatus;
}

@ObjectType('AwardBudget')
export class AwardBudgetObject {
  @Field(() => [BudgetLineFiguresObject])
  lines!: BudgetLineFiguresObject[];

  @Field(() => MoneyObject)
  budgeted!: MoneyObject;

  @Field(() => MoneyObject)
  committed!: MoneyObject;

  @Field(() => MoneyObject)
  paid!: MoneyObject;

  @Field(() => MoneyObject)
  remaining!: MoneyObject;

  @Field(() => BurnRateObject)
  burn!: BurnRateObject;
}

@InputType()
export class SpendOverrideInput {
  @Field()
  @IsString()
  reason!: string;
}

@InputType()
export class RecordSpendInput {
  @Field(() => BudgetCategoryEnum)
  @IsIn(BUDGET_CATEGORIES as unknown as string[])
  budgetLine!: BudgetCategory;

  @Field(() => SpendKindEnum)
  @IsIn(SPEND_KINDS as unknown as string[])
  kind!: SpendKind;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  amount!: MoneyInput;

  @Field({ description: 'YYYY-MM-DD; not in the future' })
  @IsString()
  date!: string;

  @Field()
  @IsString()
  @MaxLength(2000)
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Purchase order or invoice; a payment settles the commitment with the same reference',
  })
  @IsOptional()
  @IsString()
  reference?: string | null;

  @Field(() => SpendOverrideInput, {
    nullable: true,
    description: "Take the line past its budget, with the reason recorded (never the fund's total)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpendOverrideInput)
  override?: SpendOverrideInput | null;
}
