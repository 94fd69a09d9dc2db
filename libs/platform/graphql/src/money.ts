import { Directive, Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsInt, IsString } from 'class-validator';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { CURRENCY_EXPONENTS, type CurrencyCode } from '@praxis/contracts';

function safeInteger(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new GraphQLError(`SafeInt must be a whole number within ±${Number.MAX_SAFE_INTEGER}`);
  }
  return value;
}

/** A whole number within ±(2^53 − 1): GraphQL's Int stops at 2^31 − 1 (£21m in pence), too small for funds. */
export const SafeIntScalar = new GraphQLScalarType<number, number>({
  name: 'SafeInt',
  description: 'A whole number within ±9007199254740991 (JavaScript safe integers)',
  serialize: safeInteger,
  parseValue: safeInteger,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw new GraphQLError('SafeInt must be a whole number');
    return safeInteger(Number(ast.value));
  },
});

/**
 * Money as every subgraph shows it: an integer count of the currency's minor unit and its ISO 4217 code, never a
 * float. Shareable, so proposals and funding can both return it. `formatted` is for display only.
 */
@ObjectType('Money', {
  description: 'An amount in integer minor units (pence, cents) of an ISO 4217 currency',
})
@Directive('@shareable')
export class MoneyObject {
  @Field(() => SafeIntScalar, { description: 'Whole minor units, e.g. pence' })
  amountMinor!: number;

  @Field({ description: 'ISO 4217 code, e.g. GBP' })
  currency!: string;

  @Field({ description: 'The amount in major units as an exact decimal string, e.g. "1234.50"' })
  amount!: string;
}

/**
 * Money as every subgraph takes it: the same shape as `Money` (without the display text), one definition so the
 * subgraphs that take money agree on it in the supergraph. Each service checks the currency and the sign.
 */
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

/** Exact decimal text of `amountMinor` in major units: no float ever touches the digits. */
export function majorUnitsText(amountMinor: number, currency: CurrencyCode): string {
  const exponent = CURRENCY_EXPONENTS[currency];
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${amountMinor < 0 ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

export function toMoneyObject(value: { amountMinor: number; currency: CurrencyCode }): MoneyObject {
  return {
    amountMinor: value.amountMinor,
    currency: value.currency,
    amount: majorUnitsText(value.amountMinor, value.currency),
  };
}
