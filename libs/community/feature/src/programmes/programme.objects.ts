import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import { IsNotBlank, IsPlainText } from '@praxis/platform/graphql';
import {
  PROGRAMME_MODES,
  SELECTION_POLICIES,
  type ProgrammeMode,
  type SelectionPolicy,
} from '@praxis/community/domain';
import { CareerStageEnum, enumOf } from '../shared/objects';

export const ProgrammeModeEnum = enumOf(PROGRAMME_MODES);
registerEnumType(ProgrammeModeEnum, { name: 'ProgrammeMode' });
export const SelectionPolicyEnum = enumOf(SELECTION_POLICIES);
registerEnumType(SelectionPolicyEnum, {
  name: 'SelectionPolicy',
  description:
    'FIRST_COME: by application time. PRIORITY_THEN_LOTTERY: applicants with a widening-participation flag first, then everyone else, each group in a seeded, reproducible lottery order',
});

const TERM_RULE = { each: true, message: 'each entry is 1 to 80 characters' };
const STAGE_RULE = { message: `must be one of ${CAREER_STAGES.join(', ')}`, each: true };

@InputType({
  description: "A speaker; the self-described fields are voluntary and reported only as the programme's mix",
})
export class SpeakerInput {
  @Field()
  @IsString()
  @IsNotBlank()
  @IsPlainText()
  @Length(1, 120)
  name!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(200)
  role!: string;

  @Field(() => String, { nullable: true, description: 'Self-described, in their own words' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'Self-described, in their own words' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ethnicity?: string | null;

  @Field(() => String, { nullable: true, description: 'Self-described, in their own words' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  disability?: string | null;
}

@InputType({
  description:
    'A session: give `startsAt` (an instant), or `localDate` and `localTime` read in `timeZone` (clock changes included)',
})
export class SessionInput {
  @Field()
  @IsString()
  @IsNotBlank()
  @IsPlainText()
  @Length(1, 200)
  theme!: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD in the session’s time zone' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  localDate?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:mm in the session’s time zone' })
  @IsOptional()
  @Matches(/^\d{2}:\d{2}$/, { message: 'must be a time HH:mm' })
  localTime?: string | null;

  @Field({ description: 'IANA zone such as Europe/London' })
  @IsString()
  @Length(1, 64)
  timeZone!: string;

  @Field(() => Int)
  @IsInt()
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: 'Shown only to accepted attendees and organisers' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  joiningLink?: string | null;

  @Field(() => [SpeakerInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SpeakerInput)
  speakers!: SpeakerInput[];
}

@InputType()
export class CreateProgrammeInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The community it belongs to; required when a moderator (not an admin) creates it',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  communityId?: string | null;

  @Field()
  @IsString()
  @IsPlainText()
  @MaxLength(160)
  title!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(5000)
  description!: string;

  @Field(() => [CareerStageEnum], { description: 'Eligible career stages' })
  @ArrayMinSize(1)
  @IsIn(CAREER_STAGES, STAGE_RULE)
  audience!: CareerStage[];

  @Field(() => Int)
  @IsInt()
  capacity!: number;

  @Field(() => ProgrammeModeEnum)
  @IsIn(PROGRAMME_MODES)
  mode!: ProgrammeMode;

  @Field()
  @IsDate()
  applicationOpensAt!: Date;

  @Field()
  @IsDate()
  applicationClosesAt!: Date;

  @Field(() => [SessionInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SessionInput)
  sessions!: SessionInput[];

  @Field(() => [String], {
    defaultValue: [],
    description: 'Questions attendees answer in their anonymous reflection afterwards',
  })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 500, { each: true, message: 'each question is 1 to 500 characters' })
  reflectionQuestions!: string[];

  @Field(() => Int, { defaultValue: 70, description: 'Share of held sessions (%) that earns a certificate' })
  @IsInt()
  @Min(1)
  @Max(100)
  certificateMinSharePercent!: number;

  @Field(() => ID, {
    nullable: true,
    description: "A competition (the proposals service's id) to enter next",
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  competitionId?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 80, TERM_RULE)
  interests!: string[];
}

@ObjectType('Speaker')
export class SpeakerObject {
  @Field()
  name!: string;

  @Field()
  role!: string;
}

@ObjectType('ProgrammeSession')
export class SessionObject {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1-based, in start order' })
  position!: number;

  @Field()
  theme!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field()
  timeZone!: string;

  @Field({ description: 'The start as the organiser’s clock shows it, e.g. "Wed 3 Dec 2026, 09:30 GMT"' })
  localStart!: string;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: 'Only for accepted attendees and organisers' })
  joiningLink!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only for organisers, to show during the session for self-recording',
  })
  sessionCode!: string | null;

  @Field(() => [SpeakerObject])
  speakers!: SpeakerObject[];
}

@ObjectType('ReflectionQuestion')
export class ReflectionQuestionObject {
  @Field()
  id!: string;

  @Field()
  prompt!: string;
}

@ObjectType('Programme', { description: 'A masterclass series' })
export class ProgrammeObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  communityId!: string | null;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [CareerStageEnum])
  audience!: CareerStage[];

  @Field(() => Int)
  capacity!: number;

  @Field(() => ProgrammeModeEnum)
  mode!: ProgrammeMode;

  @Field()
  applicationOpensAt!: Date;

  @Field()
  applicationClosesAt!: Date;

  @Field(() => [SessionObject])
  sessions!: SessionObject[];

  @Field(() => [ReflectionQuestionObject])
  reflectionQuestions!: ReflectionQuestionObject[];

  @Field(() => Int)
  certificateMinSharePercent!: number;

  @Field(() => ID, { nullable: true, description: 'A competition attendees are invited to enter next' })
  competitionId!: string | null;

  @Field(() => [String])
  interests!: string[];

  @Field(() => SelectionPolicyEnum, { nullable: true })
  selectionPolicy!: SelectionPolicy | null;

  @Field(() => Date, { nullable: true })
  selectedAt!: Date | null;

  @Field({ description: 'Whether the caller organises it (admin, creator or community moderator)' })
  viewerIsOrganiser!: boolean;
}

@ObjectType('DiversityGroup')
export class DiversityGroupObject {
  @Field()
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('SpeakerDiversityField', {
  description:
    'The mix of one self-described field across a programme’s speakers; groups under the threshold are folded into otherCount, and a field too few answered shows nothing',
})
export class SpeakerDiversityFieldObject {
  @Field()
  field!: string;

  @Field(() => Int)
  answered!: number;

  @Field(() => Int)
  notStated!: number;

  @Field(() => [DiversityGroupObject])
  groups!: DiversityGroupObject[];

  @Field(() => Int)
  otherCount!: number;

  @Field()
  shown!: boolean;
}
