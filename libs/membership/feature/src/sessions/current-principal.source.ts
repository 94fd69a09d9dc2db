import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentPrincipalSource, Principal, RoleGrant } from '@praxis/platform/auth';
import { SessionsService } from './sessions.service';

/**
 * Membership decides on its own current data: every request's roles are read from role_grant and its session
 * must still be open, so a revoked admin cannot use an older token to act as admin (or grant themselves the role
 * back), and a signed-out token stops working here at once.
 */
@Injectable()
export class MembershipPrincipalSource implements CurrentPrincipalSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  async current(principal: Principal): Promise<Principal | null> {
    const rows: Array<{ role: RoleGrant['role'] | null; institution_id: string | null }> =
      await this.dataSource.query(
        `SELECT g.role, g.institution_id FROM member m
           LEFT JOIN role_grant g ON g.member_id = m.id
          WHERE m.id::text = $1 ORDER BY g.granted_at`,
        [principal.memberId],
      );
    if (rows.length === 0) return null;
    // tokens from the built-in issuer name their session; it must still be open (logout, password change...)
    if (principal.sessionId && !(await this.sessions.isOpen(principal.sessionId, principal.memberId))) {
      return null;
    }
    const roles = rows
      .filter((row) => row.role !== null)
      .map((row) => ({ role: row.role as RoleGrant['role'], institutionId: row.institution_id }));
    return { ...principal, roles };
  }
}
