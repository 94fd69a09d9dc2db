import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CareerStageEnum } from '../metrics/career-stage.enum';

@ObjectType('MemberActivity', {
  description: 'One thing a member did: a funnel step or a supervision, with a public label',
})
export class MemberActivityObject {
  @Field({ description: 'A FunnelStep, or SUPERVISED' })
  activity!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'A programme or proposal title' })
  label!: string | null;
}

@ObjectType('MemberEngagementRecord', {
  description:
    "One member's timeline across programmes, proposals, awards, time and mentoring. Never carries demographic data",
})
export class MemberEngagementRecordObject {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  institutionId!: string;

  @Field(() => CareerStageEnum)
  careerStage!: string;

  @Field(() => Date, { nullable: true })
  registeredAt!: Date | null;

  @Field(() => [MemberActivityObject], { description: 'Oldest first' })
  activities!: MemberActivityObject[];
}
