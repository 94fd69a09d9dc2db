import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentPrincipalSource, Principal, RoleGrant } from '@praxis/platform/auth';
import { entityColumns, hydrate, poolQuery } from '@praxis/platform/database';
import { MemberEntity } from '@praxis/membership/data-access';
import { rememberCaller } from '../membership.loaders';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEMBER_PREFIX = 'm_';

/**
 * Membership decides on its own current data: every request's roles are read from role_grant and its session
 * must still be open, so a revoked admin cannot use an older token to act as admin (or grant themselves the role
 * back), and a signed-out token stops working here at once. Both in one query (one round trip per request), by
 * the member's primary key; the same query reads the member's row, which it leaves with the request for `me`, so
 * `{ me { ... } }` is one round trip.
 */
@Injectable()
export class MembershipPrincipalSource implements CurrentPrincipalSource {
  private statement: string | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Built on first use, not in the constructor: the entity metadata exists only once the data source has been
   * initialised, and tools that build the schema without a database (npm run supergraph) never initialise it.
   */
  private get sql(): string {
    this.statement ??= `SELECT ${entityColumns(this.dataSource, MemberEntity, 'm', MEMBER_PREFIX)}, g.role,
              g.institution_id,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM auth_session s
                 WHERE s.id = $2::uuid AND s.member_id = m.id AND s.revoked_at IS NULL)) AS session_open
         FROM member m
         LEFT JOIN role_grant g ON g.member_id = m.id
        WHERE m.id = $1::uuid ORDER BY g.granted_at`;
    return this.statement;
  }

  async current(principal: Principal, request?: object): Promise<Principal | null> {
    // a subject or session that is not one of our ids (another issuer's token) names no member or session here
    if (!UUID.test(principal.memberId)) return null;
    if (principal.sessionId !== undefined && !UUID.test(principal.sessionId)) return null;
    const rows = await poolQuery<
      Record<string, unknown> & {
        role: RoleGrant['role'] | null;
        institution_id: string | null;
        session_open: boolean;
      }
    >(this.dataSource, this.sql, [principal.memberId, principal.sessionId ?? null]);
    // no member; or a token from the built-in issuer whose session has ended (logout, password change...)
    if (rows.length === 0 || !rows[0].session_open) return null;
    const roles = rows
      .filter((row) => row.role !== null)
      .map((row) => ({ role: row.role as RoleGrant['role'], institutionId: row.institution_id }));
    if (request) {
      const member = hydrate(this.dataSource, MemberEntity, rows[0], MEMBER_PREFIX);
      rememberCaller(request, { member, roles: [...roles] });
    }
    return { ...principal, roles };
  }
}
