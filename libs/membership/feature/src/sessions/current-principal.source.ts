import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentPrincipalSource, Principal, RoleGrant } from '@praxis/platform/auth';
import {
  entityColumns,
  hydrate,
  poolQuery,
  KeptPrincipalSource,
  PrincipalReads,
  type StructuredLogger,
} from '@praxis/platform/database';
import { MemberEntity } from '@praxis/membership/data-access';
import { observePrincipalCache } from '@praxis/platform/observability';
import { rememberCaller } from '../membership.loaders';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEMBER_PREFIX = 'm_';
/** The caller's row without what no request needs from it. */
const NOT_READ = new Set(['password_hash']);

type PrincipalRow = Readonly<
  Record<string, unknown> & {
    role: RoleGrant['role'] | null;
    institution_id: string | null;
    session_open: boolean;
  }
>;

/**
 * Membership decides on its own current data: a request's roles come from role_grant and its session must still
 * be open, so a revoked admin cannot use an older token to act as admin (or grant themselves the role back), and
 * a signed-out token stops working here. Both in one query by the member's primary key, which also reads the
 * member's row and leaves it with the request for `me`.
 *
 * That query's answer is kept per member and session while the database reports every change to those rows
 * (`PrincipalReads`, fed by `MEMBERSHIP_PRINCIPAL_TABLES`' triggers): a grant, a revocation, a sign-out or a profile
 * update drops the member's answers as soon as it commits, so a repeated request needs no round trip and a
 * change still applies at once. While the feed is not listening nothing is kept. A mutation answers only after
 * this process has dropped what it changed (`SettleWritesPlugin`), so its caller's next request sees it.
 */
@Injectable()
export class MembershipPrincipalSource
  extends KeptPrincipalSource<readonly PrincipalRow[]>
  implements CurrentPrincipalSource
{
  private statement: string | null = null;
  protected readonly reads: PrincipalReads<readonly PrincipalRow[]>;

  constructor(
    private readonly dataSource: DataSource,
    logger?: StructuredLogger,
  ) {
    super();
    this.reads = new PrincipalReads(dataSource, {
      observe: observePrincipalCache,
      ...(logger ? { logger } : {}),
    });
  }

  /** Whether answers are kept now: only while the change feed listens. */
  get cacheIsLive(): boolean {
    return this.reads.isLive;
  }

  /** How the guard's reads were answered since start: kept, read, or read with the cache off. */
  get cacheOutcomes() {
    return this.reads.outcomes;
  }

  /**
   * Built on first use, not in the constructor: the entity metadata exists only once the data source has been
   * initialised, and tools that build the schema without a database (npm run supergraph) never initialise it.
   */
  private get sql(): string {
    this.statement ??= `SELECT ${entityColumns(this.dataSource, MemberEntity, 'm', MEMBER_PREFIX, NOT_READ)},
              g.role, g.institution_id,
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
    const rows = await this.reads.read(
      principal.memberId,
      principal.sessionId ?? '',
      () =>
        poolQuery<PrincipalRow>(this.dataSource, this.sql, [principal.memberId, principal.sessionId ?? null]),
      // a member's creation is not reported, so "no such member" is not kept
      (found) => found.length > 0,
    );
    // no member; or a token from the built-in issuer whose session has ended (logout, password change...)
    if (rows.length === 0 || !rows[0].session_open) return null;
    const roles = rows
      .filter((row) => row.role !== null)
      .map((row) => ({ role: row.role as RoleGrant['role'], institutionId: row.institution_id }));
    if (request) {
      const member = hydrate(this.dataSource, MemberEntity, rows[0], MEMBER_PREFIX, NOT_READ);
      rememberCaller(request, { member, roles: [...roles] });
    }
    return { ...principal, roles };
  }
}
