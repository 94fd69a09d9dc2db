import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { TokenIssuer, type RoleGrant } from '@praxis/platform/auth';
import {
  AuthAuditEntity,
  MemberEntity,
  PasswordResetEntity,
  RefreshTokenEntity,
  RoleGrantEntity,
  SessionEntity,
} from '@praxis/membership/data-access';
import { MembershipError, MembershipErrorCode, normaliseEmail } from '@praxis/membership/domain';
import { PASSWORD_RESET_DELIVERY, type PasswordResetDelivery } from './password-reset.delivery';
import { SESSION_OPTIONS, type SessionOptions } from './session.options';

export interface IssuedSession {
  sessionId: string;
  memberId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  roles: RoleGrant[];
}

export type SessionEndReason =
  'logout' | 'logout-everywhere' | 'password-changed' | 'password-reset' | 'refresh-token-reused';

function sha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function sessionEnded(): MembershipError {
  return new MembershipError(MembershipErrorCode.SessionEnded, 'this session has ended; sign in again');
}

/**
 * Sessions: short-lived access tokens (JWT, carrying the session id) and rotating refresh tokens kept here as
 * hashes. Each sign-in is one family; presenting a refresh token that was already rotated means it was copied,
 * so the whole family ends.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly issuer: TokenIssuer,
    @Inject(SESSION_OPTIONS) private readonly options: SessionOptions,
    @Inject(PASSWORD_RESET_DELIVERY) private readonly delivery: PasswordResetDelivery,
  ) {}

  /** Opens a session for a member who has just proven who they are. */
  async open(memberId: string, manager: EntityManager = this.dataSource.manager): Promise<IssuedSession> {
    const session = await manager.save(manager.create(SessionEntity, { memberId }));
    return this.issue(manager, session.id, memberId);
  }

  async refresh(refreshToken: string): Promise<IssuedSession> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { ended: true as const };
      const session = await manager.findOne(SessionEntity, {
        where: { id: row.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session || session.revokedAt) return { ended: true as const };
      if (row.rotatedAt) {
        await this.endSessions(manager, session.memberId, 'refresh-token-reused', { only: session.id });
        return { ended: true as const };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { ended: true as const };
      row.rotatedAt = new Date();
      await manager.save(row);
      return { ended: false as const, issued: await this.issue(manager, session.id, session.memberId) };
    });
    // thrown after the commit, so a detected reuse stays revoked
    if (outcome.ended) throw sessionEnded();
    return outcome.issued;
  }

  /** Ends the session a token or refresh token belongs to; unknown or ended sessions are a no-op. */
  async logout(target: { sessionId?: string; refreshToken?: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      let sessionId = target.sessionId;
      if (!sessionId && target.refreshToken) {
        sessionId = (await manager.findOneBy(RefreshTokenEntity, { tokenHash: sha256(target.refreshToken) }))
          ?.sessionId;
      }
      if (!sessionId) return;
      const session = await manager.findOneBy(SessionEntity, { id: sessionId, revokedAt: IsNull() });
      if (session) await this.endSessions(manager, session.memberId, 'logout', { only: session.id });
    });
  }

  async logoutEverywhere(memberId: string): Promise<number> {
    return this.dataSource.transaction((manager) => this.endSessions(manager, memberId, 'logout-everywhere'));
  }

  /** Is this session still open for this member? (membership checks it on every request.) */
  async endSessions(
    manager: EntityManager,
    memberId: string,
    reason: SessionEndReason,
    scope: { only?: string; except?: string } = {},
  ): Promise<number> {
    const query = manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('member_id = :memberId AND revoked_at IS NULL', { memberId });
    if (scope.only) query.andWhere('id = :only', { only: scope.only });
    if (scope.except) query.andWhere('id <> :except', { except: scope.except });
    const result = await query.execute();
    const ended = result.affected ?? 0;
    if (ended > 0) await this.audit(manager, memberId, 'sessions.ended', { reason, count: ended });
    return ended;
  }

  /**
   * Starts a reset for whoever holds the address. The caller answers the same whether or not it exists; the
   * link is delivered through the port after the answer, so timing reveals nothing either.
   */
  async startPasswordReset(email: string): Promise<void> {
    const member = await this.dataSource
      .getRepository(MemberEntity)
      .findOneBy({ email: normaliseEmail(email) });
    if (!member) return;
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.options.passwordResetTtlSeconds * 1000);
    await this.dataSource.transaction(async (manager) => {
      // one live link per member: a new request replaces the old one
      await manager.update(
        PasswordResetEntity,
        { memberId: member.id, usedAt: IsNull() },
        { usedAt: () => 'now()' },
      );
      await manager.insert(PasswordResetEntity, { tokenHash: sha256(token), memberId: member.id, expiresAt });
      await this.audit(manager, member.id, 'password-reset.requested', {});
    });
    const url = new URL(this.options.passwordResetUrl);
    url.searchParams.set('token', token);
    await this.delivery.deliver({
      email: member.email,
      displayName: member.displayName,
      resetUrl: url.toString(),
      expiresAt,
    });
  }

  /** Uses a reset token once (a conditional UPDATE, so two concurrent uses get one success). */
  async consumePasswordReset(manager: EntityManager, token: string): Promise<string> {
    const used = await manager
      .createQueryBuilder()
      .update(PasswordResetEntity)
      .set({ usedAt: () => 'now()' })
      .where('token_hash = :hash AND used_at IS NULL AND expires_at > now()', { hash: sha256(token) })
      .returning('member_id')
      .execute();
    const rows = used.raw as Array<{ member_id: string }>;
    if (rows.length === 0) {
      throw MembershipError.invalid([
        { field: 'token', rule: 'valid', message: 'is invalid, expired or already used; ask for a new link' },
      ]);
    }
    return rows[0].member_id;
  }

  async memberIdByEmail(email: string): Promise<string | null> {
    const member = await this.dataSource
      .getRepository(MemberEntity)
      .findOne({ where: { email: normaliseEmail(email) }, select: { id: true } });
    return member?.id ?? null;
  }

  async auditNow(memberId: string | null, action: string, detail: Record<string, unknown>): Promise<void> {
    await this.audit(this.dataSource.manager, memberId, action, detail);
  }

  async audit(
    manager: EntityManager,
    memberId: string | null,
    action: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await manager.save(manager.create(AuthAuditEntity, { memberId, action, detail }));
  }

  private async issue(manager: EntityManager, sessionId: string, memberId: string): Promise<IssuedSession> {
    const refreshToken = newToken();
    const refreshTokenExpiresAt = new Date(Date.now() + this.options.refreshTokenTtlSeconds * 1000);
    await manager.insert(RefreshTokenEntity, {
      tokenHash: sha256(refreshToken),
      sessionId,
      expiresAt: refreshTokenExpiresAt,
    });
    const grants = await manager.find(RoleGrantEntity, { where: { memberId }, order: { grantedAt: 'ASC' } });
    const roles = grants.map((grant) => ({ role: grant.role, institutionId: grant.institutionId }));
    const accessToken = await this.issuer.issue({ memberId, roles, sessionId });
    return {
      sessionId,
      memberId,
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + this.issuer.ttlSeconds * 1000),
      refreshToken,
      refreshTokenExpiresAt,
      roles,
    };
  }
}
