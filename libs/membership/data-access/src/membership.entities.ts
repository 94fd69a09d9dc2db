import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CareerStage, EthnicityGroup, Gender, Role, YesNoPreferNot } from '@praxis/contracts';

@Entity({ name: 'institution' })
export class InstitutionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('institution_name_uq', { unique: true })
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'member' })
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored normalised (lower case), so the unique index is case-insensitive. */
  @Index('member_email_uq', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  careerStage!: CareerStage;

  @Index('member_institution_idx')
  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text', nullable: true })
  specialty!: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  interests!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'role_grant' })
@Index('role_grant_uq', ['memberId', 'role', 'institutionKey'], { unique: true })
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('role_grant_member_idx')
  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** Only for `lead`. The empty-string sentinel keeps (member, role, institution) unique with a plain index. */
  @Column({ type: 'text', default: '' })
  institutionKey!: string;

  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  grantedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt!: Date;
}

export const INSTITUTION_CHANGE_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED', 'WITHDRAWN'] as const;
export type InstitutionChangeStatus = (typeof INSTITUTION_CHANGE_STATUSES)[number];

/**
 * A member's request to move to another institution, and its outcome: the member's institution changes only when
 * a lead of the new institution or an admin confirms. Rows are never deleted, so they are the history.
 */
@Entity({ name: 'institution_change' })
@Index('institution_change_one_pending_uq', ['memberId'], { unique: true, where: `"status" = 'PENDING'` })
@Index('institution_change_pending_to_idx', ['toInstitutionId'], { where: `"status" = 'PENDING'` })
export class InstitutionChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('institution_change_member_idx')
  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'uuid' })
  fromInstitutionId!: string;

  @Column({ type: 'uuid' })
  toInstitutionId!: string;

  @Column({ type: 'text', default: 'PENDING' })
  status!: InstitutionChangeStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Why a request was rejected. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}

/** Voluntary EDI answers: readable by the member alone; published only to the restricted demographics topic. */
@Entity({ name: 'demographics' })
export class DemographicsEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  gender!: Gender;

  @Column({ type: 'text' })
  ethnicityGroup!: EthnicityGroup;

  @Column({ type: 'text' })
  disability!: YesNoPreferNot;

  @Column({ type: 'text' })
  firstGenerationHigherEducation!: YesNoPreferNot;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const MEMBERSHIP_ENTITIES = [
  InstitutionEntity,
  MemberEntity,
  RoleGrantEntity,
  InstitutionChangeEntity,
  DemographicsEntity,
];
