import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** Membership owns members; funding only points at them. */
@ObjectType('Member')
@Directive('@key(fields: "id", resolvable: false)')
export class MemberRef {
  @Field(() => ID)
  id!: string;
}

export function memberRef(id: string): MemberRef {
  return { id };
}
