import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@praxis/platform/graphql';
import { MemberRef } from '../funding.refs';

@ObjectType('AtRiskMember', {
  description:
    'A member whose protected time the weekly check found eroded (below the threshold for N weeks)',
})
export class AtRiskMemberObject {
  @Field(() => MemberRef)
  member!: MemberRef;

  @Field({ description: 'ISO week whose completion started the episode, e.g. 2026-W48' })
  episodeStartedWeek!: string;

  @Field(() => String, { nullable: true, description: 'The first low week of the streak' })
  firstLowWeek!: string | null;

  @Field(() => Date, { description: 'When the weekly check flagged the member' })
  flaggedAt!: Date;
}

export const AtRiskMemberConnection = ConnectionType(AtRiskMemberObject, 'AtRiskMember');
