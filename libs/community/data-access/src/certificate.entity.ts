import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A certificate of attendance, frozen at issue (name, programme, sessions attended) and checkable by its code. */
@Entity({ name: 'certificate' })
@Unique('certificate_member_uq', ['programmeId', 'memberId'])
@Unique('certificate_code_uq', ['verificationCode'])
// `myCertificates` and the requests by member: one member's rows, not the whole table (the page's order is by
// date_trunc(issued_at), which no index can hold, so a member's few rows are sorted)
@Index('certificate_member_idx', ['memberId'])
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  /** Canonical form (17 characters, no hyphens). */
  @Column({ type: 'text' })
  verificationCode!: string;

  @Column({ type: 'text' })
  memberName!: string;

  @Column({ type: 'text' })
  programmeTitle!: string;

  @Column({ type: 'jsonb' })
  sessionsAttended!: Array<{ theme: string; startsAt: string }>;

  @Column({ type: 'int' })
  sessionsHeld!: number;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;
}
