import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/*
 * Membership owns members and institutions; engagement only points at them, so the gateway asks membership for
 * their names (its reference resolvers, one batched query per request, with membership's own per-record rules).
 * A stub carries the id and nothing else: no demographic or other projected fact travels with a reference.
 */

@ObjectType('Member')
@Directive('@key(fields: "id", resolvable: false)')
export class MemberRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Institution')
@Directive('@key(fields: "id", resolvable: false)')
export class InstitutionRef {
  @Field(() => ID)
  id!: string;
}

/** Funding owns funds; it names them to admins only. */
@ObjectType('Fund')
@Directive('@key(fields: "id", resolvable: false)')
export class FundRef {
  @Field(() => ID)
  id!: string;
}

export function memberRef(id: string): MemberRef {
  return { id };
}

export function institutionRef(id: string): InstitutionRef {
  return { id };
}
