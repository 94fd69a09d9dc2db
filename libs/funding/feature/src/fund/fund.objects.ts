import { Directive, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionType, MoneyInput, MoneyObject } from '@praxis/platform/graphql';

@ObjectType('FundBalance', { description: 'available = total − committed − paid; never negative' })
export class FundBalanceObject {
  @Field(() => MoneyObject)
  total!: MoneyObject;

  @Field(() => MoneyObject, { description: 'Promised to live awards and not yet paid' })
  committed!: MoneyObject;

  @Field(() => MoneyObject)
  paid!: MoneyObject;

  @Field(() => MoneyObject)
  available!: MoneyObject;
}

@ObjectType('Fund')
@Directive('@key(fields: "id")')
export class FundObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Who gives the money, e.g. a charity, the institution, a society' })
  source!: string;

  @Field()
  currency!: string;

  @Field(() => ID, { nullable: true, description: 'The competition whose winners it pays' })
  competitionId!: string | null;

  @Field(() => FundBalanceObject)
  balance!: FundBalanceObject;
}

export const FundConnection = ConnectionType(FundObject, 'Fund');

@InputType()
export class CreateFundInput {
  @Field()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  source!: string;

  @Field(() => MoneyInput, { description: "The fund's total; its currency is the fund's" })
  @ValidateNested()
  @Type(() => MoneyInput)
  total!: MoneyInput;

  @Field(() => ID, {
    nullable: true,
    description: "Pays this competition's winners: their awards are offered against it automatically",
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a competition' })
  competitionId?: string | null;
}
