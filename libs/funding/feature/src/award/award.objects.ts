import { Field, Float, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BUDGET_CATEGORIES } from '@praxis/contracts';
import { ConnectionType, MoneyInput, MoneyObject } from '@praxis/platform/graphql';
import {
  AWARD_ACTIONS,
  AWARD_STATUSES,
  type AwardAction,
  type AwardStatus,
  type BudgetCategory,
} from '@praxis/funding/domain';
import { MemberRef } from '../funding.refs';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const AwardStatusEnum = enumOf(AWARD_STATUSES);
registerEnumType(AwardStatusEnum, { name: 'AwardStatus' });
export const AwardActionEnum = enumOf(AWARD_ACTIONS);
registerEnumType(AwardActionEnum, { name: 'AwardAction' });
export const BudgetCategoryEnum = enumOf(BUDGET_CATEGORIES);
registerEnumType(BudgetCategoryEnum, { name: 'BudgetCategory' });

@ObjectType('AwardTransition', { description: 'A status change, dated and attributed' })
export class AwardTransitionObject {
  @Field(() => String, { description: 'OFFER for the first record, else an AwardAction' })
  action!: string;

  @Field(() => AwardStatusEnum, { nullable: true })
  from!: AwardStatus | null;

  @Field(() => AwardStatusEnum)
  to!: AwardStatus;

  @Field(() => MemberRef, { nullable: true, description: 'Null for the automatic offer to a winner' })
  by!: MemberRef | null;

  @Field()
  at!: Date;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType('BudgetLine')
export class BudgetLineObject {
  @Field(() => BudgetCategoryEnum)
  category!: BudgetCategory;

  @Field(() => MoneyObject)
  budgeted!: MoneyObject;
}

@ObjectType('Award')
export class AwardObject {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => AwardStatusEnum)
  status!: AwardStatus;

  @Field(() => MoneyObject)
  amount!: MoneyObject;

  @Field(() => MoneyObject, { nullable: true, description: 'What the winner asked for (competition awards)' })
  requested!: MoneyObject | null;

  @Field(() => String, { nullable: true, description: 'Why the award is less than requested' })
  cappedReason!: string | null;

  @Field(() => Float, { nullable: true })
  requestedHours!: number | null;

  @Field(() => ID, { nullable: true })
  fundId!: string | null;

  @Field(() => MemberRef)
  principalInvestigator!: MemberRef;

  @Field(() => [MemberRef])
  team!: MemberRef[];

  @Field(() => MemberRef, { nullable: true })
  supervisor!: MemberRef | null;

  @Field(() => ID, { nullable: true })
  competitionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The competition entry (proposal) it came from' })
  proposalId!: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD, inclusive' })
  endsOn!: string;

  @Field(() => [BudgetLineObject])
  budgetLines!: BudgetLineObject[];

  @Field(() => [AwardActionEnum], { description: 'What the caller may do next' })
  availableActions!: AwardAction[];

  @Field()
  finalReportSubmitted!: boolean;
}

export const AwardConnection = ConnectionType(AwardObject, 'Award');

@InputType()
export class BudgetLineInput {
  @Field(() => BudgetCategoryEnum)
  @IsIn(BUDGET_CATEGORIES as unknown as string[])
  category!: BudgetCategory;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  budgeted!: MoneyInput;
}

@InputType()
export class CreateAwardInput {
  @Field()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a fund' })
  fundId!: string;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  amount!: MoneyInput;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a member id' })
  principalInvestigatorId!: string;

  @Field(() => [ID], { defaultValue: [], description: 'Besides the principal investigator' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be a member id' })
  teamMemberIds!: string[];

  @Field({ description: 'YYYY-MM-DD' })
  @IsString()
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD, inclusive' })
  @IsString()
  endsOn!: string;

  @Field(() => Float, { nullable: true, description: 'Protected hours asked for over the award' })
  @IsOptional()
  @IsNumber()
  requestedHours?: number | null;
}

@InputType()
export class AwardDecisionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}
