import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-in: the family of refresh tokens that rotate from it. Access tokens carry its id (`sid`), so
 * membership refuses them as soon as the session ends; the other services stop accepting them when they expire.
 */
@Entity({ name: 'auth_session' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('auth_session_member_idx')
  @Column({ type: 'uuid' })
  memberId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** logout, logout-everywhere, password-changed, password-reset, refresh-token-reused */
  @Column({ type: 'text', nullable: true })
  revokedReason!: string | null;
}

/** Only a SHA-256 of each refresh token is kept; a rotated token presented again revokes its session. */
@Entity({ name: 'refresh_token' })
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'text' })
  tokenHash!: string;

  @Index('refresh_token_session_idx')
  @Column({ type: 'uuid' })
  sessionId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;
}

/** Single-use, expiring; only a SHA-256 of the token is kept. */
@Entity({ name: 'password_reset' })
export class PasswordResetEntity {
  @PrimaryColumn({ type: 'text' })
  tokenHash!: string;

  @Index('password_reset_member_idx')
  @Column({ type: 'uuid' })
  memberId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

/** Security-relevant account events (lockouts, session revocations, password changes), for whoever investigates. */
@Entity({ name: 'auth_audit' })
export class AuthAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('auth_audit_member_idx')
  @Column({ type: 'uuid', nullable: true })
  memberId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  detail!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

/**
 * The counters of rate-limiter-flexible's PostgreSQL store (its own layout), shared by every membership instance.
 * Keys are hashed: no address or e-mail is stored in the clear.
 */
@Entity({ name: 'auth_rate_limit' })
export class AuthRateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  points!: number;

  @Column({ type: 'bigint', nullable: true })
  expire!: string | null;
}

export const SESSION_ENTITIES = [
  SessionEntity,
  RefreshTokenEntity,
  PasswordResetEntity,
  AuthAuditEntity,
  AuthRateLimitEntity,
];
