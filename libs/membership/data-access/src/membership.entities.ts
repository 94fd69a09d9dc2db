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

  /**
   * Whether a lead of the institution (or an admin) has confirmed it. False from registration until the
   * registration is confirmed; members from before confirmations existed count as confirmed.
   */
  @Column({ type: 'boolean', default: true })
  institutionConfirmed!: boolean;

  /** Whether a lead of the member's institution (or an admin) has confirmed the career stage; as above. */
  @Column({ type: 'boolean', default: true })
  careerStageConfirmed!: boolean;

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

export const PROFILE_CHANGE_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED', 'WITHDRAWN'] as const;
export type ProfileChangeStatus = (typeof PROFILE_CHANGE_STATUSES)[number];

/**
 * A member's request to change a profile field that others rely on (institution, career stage), and its outcome:
 * the field changes only when someone entitled confirms. Rows are never deleted, so they are the history.
 */
export abstract class ProfileChangeRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text', default: 'PENDING' })
  status!: ProfileChangeStatus;

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

/** A move to another institution: a lead of the new institution or an admin confirms it. */
@Entity({ name: 'institution_change' })
@Index('institution_change_member_idx', ['memberId'])
@Index('institution_change_one_pending_uq', ['memberId'], { unique: true, where: `"status" = 'PENDING'` })
@Index('institution_change_pending_to_idx', ['toInstitutionId'], { where: `"status" = 'PENDING'` })
export class InstitutionChangeEntity extends ProfileChangeRecord {
  @Column({ type: 'uuid' })
  fromInstitutionId!: string;

  @Column({ type: 'uuid' })
  toInstitutionId!: string;
}

/** A new career stage: a lead of the member's institution or an admin confirms it. */
@Entity({ name: 'career_stage_change' })
@Index('career_stage_change_member_idx', ['memberId'])
@Index('career_stage_change_one_pending_uq', ['memberId'], { unique: true, where: `"status" = 'PENDING'` })
export class CareerStageChangeEntity extends ProfileChangeRecord {
  @Column({ type: 'text' })
  fromStage!: CareerStage;

  @Column({ type: 'text' })
  toStage!: CareerStage;
}

/**
 * A new member's institution and career stage as they named them at registration: unconfirmed until a lead of
 * the member's institution or an admin confirms them (the member's flags then turn true).
 */
@Entity({ name: 'registration_confirmation' })
@Index('registration_confirmation_member_idx', ['memberId'])
@Index('registration_confirmation_one_pending_uq', ['memberId'], {
  unique: true,
  where: `"status" = 'PENDING'`,
})
export class RegistrationConfirmationEntity extends ProfileChangeRecord {
  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text' })
  careerStage!: CareerStage;
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
  CareerStageChangeEntity,
  RegistrationConfirmationEntity,
  DemographicsEntity,
];
