import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AttendanceRecorded')
export class AttendanceRecordedObject {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => [ID], { description: 'Newly recorded' })
  recorded!: string[];

  @Field(() => [ID], { description: 'Already recorded before (resending a register is harmless)' })
  alreadyRecorded!: string[];
}

@ObjectType('SessionAttendance')
export class SessionAttendanceObject {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => Int)
  attended!: number;

  @Field(() => Float, { nullable: true, description: 'Attended ÷ accepted attendees' })
  attendanceRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Attended ÷ attended at the first session' })
  retentionFromFirst!: number | null;
}

@ObjectType('AttendanceSummary')
export class AttendanceSummaryObject {
  @Field(() => Int, { description: 'Accepted attendees' })
  attendees!: number;

  @Field(() => [SessionAttendanceObject], { description: 'In session order' })
  sessions!: SessionAttendanceObject[];

  @Field(() => [Int], { description: 'histogram[k] = attendees who came to exactly k sessions' })
  histogram!: number[];

  @Field(() => Int)
  attendedAll!: number;
}
