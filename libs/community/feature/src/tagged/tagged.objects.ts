import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@praxis/platform/graphql';

/** Where a listed competition stands, as proposals last published it (cancelled ones are not listed). */
export enum TaggedCompetitionPhase {
  OPEN = 'OPEN',
  JUDGING = 'JUDGING',
  RESULTS_PUBLISHED = 'RESULTS_PUBLISHED',
}
registerEnumType(TaggedCompetitionPhase, {
  name: 'TaggedCompetitionPhase',
  description: 'OPEN for entries, JUDGING (entries closed), RESULTS_PUBLISHED',
});

@ObjectType('TaggedCompetition', {
  description:
    "A proposals competition whose tags match one of a community's interests: its public fields as proposals last published them",
})
export class TaggedCompetitionObject {
  @Field(() => ID, { description: "The proposals service's competition id" })
  competitionId!: string;

  @Field()
  title!: string;

  @Field()
  opensAt!: Date;

  @Field()
  closesAt!: Date;

  @Field(() => TaggedCompetitionPhase)
  phase!: TaggedCompetitionPhase;

  @Field(() => [String], { description: 'Its tags, lower case' })
  tags!: string[];

  @Field(() => [String], { description: "The community's interests it matched, lower case" })
  matchedInterests!: string[];
}

@ObjectType('TaggedMastermindGroup', {
  description:
    "A mastermind group whose tags match one of a community's interests: name, tags, cadence, size",
})
export class TaggedMastermindGroupObject {
  @Field(() => ID, { description: "The mentorship service's group id" })
  groupId!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Days between sessions' })
  cadenceDays!: number;

  @Field(() => Int, { description: 'People in the group, facilitator included' })
  size!: number;

  @Field()
  formedAt!: Date;

  @Field(() => [String], { description: 'Its tags, lower case' })
  tags!: string[];

  @Field(() => [String], { description: "The community's interests it matched, lower case" })
  matchedInterests!: string[];
}

export const TaggedCompetitionConnection = ConnectionType(TaggedCompetitionObject, 'TaggedCompetition');
export const TaggedMastermindGroupConnection = ConnectionType(
  TaggedMastermindGroupObject,
  'TaggedMastermindGroup',
);
