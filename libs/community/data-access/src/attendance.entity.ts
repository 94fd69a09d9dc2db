import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AttendanceMethod = 'ORGANISER' | 'SESSION_CODE';

/** One attendee at one session; the key makes recording idempotent under concurrent registers. */
@Entity({ name: 'session_attendance' })
@Index('session_attendance_programme_idx', ['programmeId', 'memberId'])
export class AttendanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'text' })
  method!: AttendanceMethod;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
