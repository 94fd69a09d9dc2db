import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@praxis/platform/graphql';
import { ACTIVITIES } from '@praxis/engagement/domain';
import { CareerStageEnum } from '../metrics/career-stage.enum';

export const MEMBER_ACTIVITY_KINDS = [...ACTIVITIES, 'SUPERVISED'] as const;
export type MemberActivityKind = (typeof MEMBER_ACTIVITY_KINDS)[number];
export const MemberActivityKindEnum = Object.fromEntries(
  MEMBER_ACTIVITY_KINDS.map((kind) => [kind, kind]),
) as Record<MemberActivityKind, MemberActivityKind>;
registerEnumType(MemberActivityKindEnum, {
  name: 'MemberActivityKind',
  description: 'A funnel step a member reached, or SUPERVISED (a supervisor for a competition win)',
});

@ObjectType('MemberActivity', {
  description: 'One thing a member did: a funnel step or a supervision, with a public label',
})
export class MemberActivityObject {
  @Field(() => MemberActivityKindEnum)
  activity!: MemberActivityKind;

  @Field()
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'A programme or proposal title' })
  label!: string | null;
}

export const MemberActivityConnection = ConnectionType(MemberActivityObject, 'MemberActivity');

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
}
