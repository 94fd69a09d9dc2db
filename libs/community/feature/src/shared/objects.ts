import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CAREER_STAGES } from '@praxis/contracts';

export function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

/** Same name and values as membership's enum, so composition merges them. */
export const CareerStageEnum = enumOf(CAREER_STAGES);
registerEnumType(CareerStageEnum, { name: 'CareerStage' });

/** Membership owns members; community only points at them. */
@ObjectType('Member')
@Directive('@key(fields: "id", resolvable: false)')
export class MemberRef {
  @Field(() => ID)
  id!: string;
}

export function memberRef(id: string): MemberRef {
  return { id };
}
