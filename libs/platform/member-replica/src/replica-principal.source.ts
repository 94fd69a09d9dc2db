import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@praxis/contracts';
import { withReplicaRoles, type CurrentPrincipalSource, type Principal } from '@praxis/platform/auth';
import { KeptPrincipalSource, poolQuery, PrincipalReads } from '@praxis/platform/database';
import { observePrincipalCache } from '@praxis/platform/observability';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type RoleRow = Readonly<{ changed_at: Date; role: Role | null; institution_id: string | null }>;

/**
 * The guard's view of a caller in a service with a member replica: roles that gate operations come from the
 * replica (lead grants with their institution), unless the token was issued after the replica last applied a
 * role event for the member (a grant still on its way). One query per member: their role version with their
 * roles, kept between requests while the replica's role tables report their changes (`PrincipalReads`, fed by
 * `MEMBER_REPLICA_PRINCIPAL_TABLES`' triggers), so a role event drops it when its transaction commits.
 */
@Injectable()
export class ReplicaPrincipalSource
  extends KeptPrincipalSource<readonly RoleRow[]>
  implements CurrentPrincipalSource
{
  protected readonly reads: PrincipalReads<readonly RoleRow[]>;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.reads = new PrincipalReads(dataSource, { observe: observePrincipalCache });
  }

  async current(principal: Principal): Promise<Principal> {
    // a subject that is not a member id is no member the replica knows: as for one it has no role event for
    if (!UUID.test(principal.memberId)) return withReplicaRoles(principal, null);
    const rows = await this.reads.read(principal.memberId, '', () =>
      poolQuery<RoleRow>(
        this.dataSource,
        `SELECT v.updated_at AS changed_at, r.role, r.institution_id
           FROM member_role_version v
           LEFT JOIN member_role_replica r ON r.member_id = v.member_id
          WHERE v.member_id = $1::uuid
          ORDER BY r.role, r.institution_key`,
        [principal.memberId],
      ),
    );
    if (rows.length === 0) return withReplicaRoles(principal, null);
    return withReplicaRoles(principal, {
      roles: rows.flatMap((row) => (row.role ? [{ role: row.role, institutionId: row.institution_id }] : [])),
      changedAt: rows[0].changed_at,
    });
  }
}
