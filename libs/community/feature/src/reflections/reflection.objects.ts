import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionType } from '@praxis/platform/graphql';

@InputType()
export class ReflectionAnswerInput {
  @Field({ description: 'A question id from the programme’s reflectionQuestions' })
  @IsString()
  @MaxLength(20)
  questionId!: string;

  @Field()
  @IsString()
  @MaxLength(4000)
  text!: string;
}

@InputType()
export class SubmitReflectionInput {
  @Field(() => [ReflectionAnswerInput])
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ReflectionAnswerInput)
  answers!: ReflectionAnswerInput[];
}

@ObjectType('ReflectionAnswer')
export class ReflectionAnswerObject {
  @Field()
  questionId!: string;

  @Field()
  text!: string;
}

/** Anonymous: the programme, the day and the answers; nothing about who wrote it. */
@ObjectType('Reflection')
export class ReflectionObject {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'UTC day only' })
  submittedOn!: string;

  @Field(() => [ReflectionAnswerObject])
  answers!: ReflectionAnswerObject[];

  @Field()
  hidden!: boolean;
}

@ObjectType('ReflectionSubmitted', {
  description: 'The reflection is stored without any link to you; its id is not shown, even to you',
})
export class ReflectionSubmittedObject {
  @Field(() => ID)
  programmeId!: string;

  @Field()
  submittedOn!: string;
}

@ObjectType('ReflectionCounts')
export class ReflectionCountsObject {
  @Field(() => Int)
  submitted!: number;

  @Field(() => Int)
  hidden!: number;
}

export const ReflectionConnection = ConnectionType(ReflectionObject, 'Reflection');
