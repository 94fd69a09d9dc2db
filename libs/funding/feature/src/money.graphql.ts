import { Field, InputType } from '@nestjs/graphql';
import { IsInt, IsString } from 'class-validator';
import { SafeIntScalar } from '@praxis/platform/graphql';
import { money, type Money } from '@praxis/funding/domain';

@InputType('MoneyInput', {
  description: 'An amount in integer minor units (pence, cents) of an ISO 4217 currency',
})
export class MoneyInput {
  @Field(() => SafeIntScalar)
  @IsInt({ message: 'must be a whole number of minor units' })
  amountMinor!: number;

  @Field()
  @IsString()
  currency!: string;
}

/** Validated Money from an input (an unknown currency is BAD_USER_INPUT naming `field`). */
export function moneyOf(input: MoneyInput, field: string): Money {
  return money(input.amountMinor, input.currency, field);
}
