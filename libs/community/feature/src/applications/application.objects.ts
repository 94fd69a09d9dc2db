import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ConnectionType, IsNotBlank } from '@praxis/platform/graphql';
import {
  APPLICATION_STATUSES,
  WIDENING_PARTICIPATION_ANSWERS,
  type ApplicationStatus,
  type SelectionPolicy,
  type WideningParticipationAnswer,
} from '@praxis/community/domain';
import { enumOf, MemberRef } from '../shared/objects';
import { ProgrammeObject, SelectionPolicyEnum } from '../programmes/programme.objects';

export const ApplicationStatusEnum = enumOf(APPLICATION_STATUSES);
registerEnumType(ApplicationStatusEnum, { name: 'ApplicationStatus' });
export const WideningParticipationAnswerEnum = enumOf(WIDENING_PARTICIPATION_ANSWERS);
registerEnumType(WideningParticipationAnswerEnum, { name: 'WideningParticipationAnswer' });
export const ApplicantActionEnum = enumOf(['CONFIRM', 'DECLINE', 'CANCEL'] as const);
registerEnumType(ApplicantActionEnum, {
  name: 'ApplicantAction',
  description: 'CONFIRM an offered place; DECLINE a place or an offer; CANCEL the application',
});

const ANSWER_RULE = { message: `must be one of ${WIDENING_PARTICIPATION_ANSWERS.join(', ')}` };

@InputType({
  description:
    'UK widening-participation questions, each optional; read back only by the applicant, used in selection only as one priority flag (any YES)',
})
export class WideningParticipationInput {
  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  @IsOptional()
  @IsIn(WIDENING_PARTICIPATION_ANSWERS, ANSWER_RULE)
  firstGenerationHigherEducation?: WideningParticipationAnswer | null;

  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  @IsOptional()
  @IsIn(WIDENING_PARTICIPATION_ANSWERS, ANSWER_RULE)
  freeSchoolMeals?: WideningParticipationAnswer | null;

  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  @IsOptional()
  @IsIn(WIDENING_PARTICIPATION_ANSWERS, ANSWER_RULE)
  careExperience?: WideningParticipationAnswer | null;

  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  @IsOptional()
  @IsIn(WIDENING_PARTICIPATION_ANSWERS, ANSWER_RULE)
  minoritisedEthnicGroup?: WideningParticipationAnswer | null;

  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  @IsOptional()
  @IsIn(WIDENING_PARTICIPATION_ANSWERS, ANSWER_RULE)
  disability?: WideningParticipationAnswer | null;
}

@InputType()
export class ApplyToProgrammeInput {
  @Field()
  @IsString()
  @IsNotBlank()
  @Length(1, 4000)
  motivation!: string;

  @Field(() => WideningParticipationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WideningParticipationInput)
  wideningParticipation?: WideningParticipationInput | null;
}

@ObjectType('WideningParticipationAnswers')
export class WideningParticipationObject {
  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  firstGenerationHigherEducation!: WideningParticipationAnswer | null;

  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  freeSchoolMeals!: WideningParticipationAnswer | null;

  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  careExperience!: WideningParticipationAnswer | null;

  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  minoritisedEthnicGroup!: WideningParticipationAnswer | null;

  @Field(() => WideningParticipationAnswerEnum, { nullable: true })
  disability!: WideningParticipationAnswer | null;
}

/** What organisers see of an application: no motivation flags, no answers, no priority. */
@ObjectType('ProgrammeApplication')
export class ApplicationObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  programmeId!: string;

  @Field(() => MemberRef)
  member!: MemberRef;

  @Field(() => ApplicationStatusEnum)
  status!: ApplicationStatus;

  @Field()
  appliedAt!: Date;

  @Field(() => Int, { nullable: true, description: '1-based place in the waitlist while WAITLISTED' })
  waitlistPosition!: number | null;

  @Field(() => Date, { nullable: true, description: 'While OFFERED: confirm before this' })
  offerExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

/** The applicant's own view: their motivation and answers as well. */
@ObjectType('MyProgrammeApplication')
export class MyApplicationObject extends ApplicationObject {
  @Field()
  motivation!: string;

  @Field(() => WideningParticipationObject)
  wideningParticipation!: WideningParticipationObject;
}

@ObjectType('SelectionResult')
export class SelectionResultObject {
  @Field(() => ProgrammeObject)
  programme!: ProgrammeObject;

  @Field(() => SelectionPolicyEnum)
  policy!: SelectionPolicy;

  @Field(() => String, {
    nullable: true,
    description: 'The lottery seed, stored so the draw can be replayed',
  })
  seed!: string | null;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  waitlisted!: number;
}

export const ApplicationConnection = ConnectionType(ApplicationObject, 'ProgrammeApplication');
export const MyApplicationConnection = ConnectionType(MyApplicationObject, 'MyProgrammeApplication');
