import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OUTPUT_KINDS } from '@praxis/contracts';
import {
  REPORT_SECTION_MAX_LENGTH,
  type OutputKind,
  type ReportKind,
  type ReportState,
} from '@praxis/funding/domain';
import { MemberRef } from '../funding.refs';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const ReportKindEnum = enumOf<ReportKind>(['PROGRESS', 'FINAL']);
registerEnumType(ReportKindEnum, { name: 'ReportKind' });
export const ReportStateEnum = enumOf<ReportState>(['UPCOMING', 'OVERDUE', 'SUBMITTED', 'SUBMITTED_LATE']);
registerEnumType(ReportStateEnum, { name: 'ReportState' });
export const OutputKindEnum = enumOf<OutputKind>(OUTPUT_KINDS);
registerEnumType(OutputKindEnum, { name: 'OutputKind' });

@ObjectType('AwardReport', { description: 'A progress or final report due on an active award' })
export class AwardReportObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportKindEnum)
  kind!: ReportKind;

  @Field(() => Int, { description: '1, 2, … in due order; the final report is the last' })
  sequence!: number;

  @Field({ description: 'YYYY-MM-DD' })
  dueOn!: string;

  @Field(() => ReportStateEnum, { description: 'OVERDUE from the day after it was due until submitted' })
  state!: ReportState;

  @Field(() => Int, { description: 'Days past due (0 when not late)' })
  daysLate!: number;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => MemberRef, { nullable: true })
  submittedBy!: MemberRef | null;

  @Field(() => String, { nullable: true })
  progress!: string | null;

  @Field(() => String, { nullable: true })
  problems!: string | null;

  @Field(() => String, { nullable: true })
  nextSteps!: string | null;
}

@ObjectType('AwardOutput', {
  description: 'A paper, presentation, poster, dataset or other output of an award',
})
export class AwardOutputObject {
  @Field(() => ID)
  id!: string;

  @Field(() => OutputKindEnum)
  kind!: OutputKind;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Papers and datasets: the DOI, lower case' })
  doi!: string | null;

  @Field({ description: 'An https link (https://doi.org/… for a DOI)' })
  url!: string;

  @Field(() => MemberRef)
  recordedBy!: MemberRef;

  @Field(() => Date)
  recordedAt!: Date;
}

@InputType()
export class SubmitReportInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Which report; the earliest outstanding one when left out',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  sequence?: number | null;

  @Field({ description: 'What was done' })
  @IsString()
  @MaxLength(REPORT_SECTION_MAX_LENGTH)
  progress!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(REPORT_SECTION_MAX_LENGTH)
  problems!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(REPORT_SECTION_MAX_LENGTH)
  nextSteps!: string;
}

@InputType()
export class RecordOutputInput {
  @Field(() => OutputKindEnum)
  @IsIn(OUTPUT_KINDS as unknown as string[])
  kind!: OutputKind;

  @Field()
  @IsString()
  @MaxLength(300)
  title!: string;

  @Field({ description: 'A DOI for papers and datasets (bare, doi: or a doi.org link), else an https link' })
  @IsString()
  @MaxLength(2000)
  link!: string;
}
