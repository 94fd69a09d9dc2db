import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A certificate of attendance, frozen at issue (name, programme, sessions attended) and checkable by its code. */
@Entity({ name: 'certificate' })
@Unique('certificate_member_uq', ['programmeId', 'memberId'])
@Unique('certificate_code_uq', ['verificationCode'])
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
