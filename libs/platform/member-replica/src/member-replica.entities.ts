import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CareerStage, Role } from '@praxis/contracts';

/**
 * A member's public profile as membership last published it. A row exists once the registration (or a later
 * profile update) has arrived; roles live apart because their events travel on other topics and may come first.
 */
@Entity({ name: 'member_replica' })
export class MemberReplicaEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  careerStage!: CareerStage;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text', nullable: true })
  specialty!: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  interests!: string[];

  /**
   * Whether a lead of the institution or an admin confirmed it (a new member's is not until their registration
   * is confirmed). Eligibility counts only a confirmed institution; conflicts of interest count any.
   */
  @Column({ type: 'boolean', default: true })
  institutionConfirmed!: boolean;

  /** Whether the career stage is confirmed; stage-limited eligibility counts only a confirmed one. */
  @Column({ type: 'boolean', default: true })
  careerStageConfirmed!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One role a member holds now; `institutionKey` is the lead's institution id, '' for unscoped roles. */
@Entity({ name: 'member_role_replica' })
export class MemberRoleReplicaEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ type: 'text' })
  role!: Role;

  @PrimaryColumn({ type: 'text', default: '' })
  institutionKey!: string;

  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;
}

/**
 * The sequence of the newest role event applied for a member: it only grows, so a service can tell whether
 * its view of a member's roles has moved since a token was issued or a decision was cached.
 */
@Entity({ name: 'member_role_version' })
export class MemberRoleVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'bigint' })
  version!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'institution_replica' })
export class InstitutionReplicaEntity {
  @PrimaryColumn({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;
}

export const MEMBER_REPLICA_ENTITIES = [
  MemberReplicaEntity,
  MemberRoleReplicaEntity,
  MemberRoleVersionEntity,
  InstitutionReplicaEntity,
];
