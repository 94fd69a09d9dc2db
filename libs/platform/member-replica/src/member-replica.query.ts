import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Role } from '@praxis/contracts';
import {
  MemberReplicaEntity,
  MemberRoleReplicaEntity,
  MemberRoleVersionEntity,
} from './member-replica.entities';

/** A role as the replica holds it: `institutionId` is set for a lead (the institution they watch). */
export interface ReplicatedRole {
  role: Role;
  institutionId: string | null;
}

/**
 * What a service may ask its member replica. Reads go through the caller's manager, so inside a transaction
 * they see (and can be decided together with) that transaction's view.
 */
export class MemberReplica {
  constructor(private readonly manager: EntityManager) {}

  /** The member's roles as membership last said, lead grants with their institution. */
  async currentRoles(memberId: string): Promise<ReplicatedRole[]> {
    return (await this.rolesOf([memberId])).get(memberId) ?? [];
  }

  async rolesOf(memberIds: readonly string[]): Promise<Map<string, ReplicatedRole[]>> {
    const result = new Map<string, ReplicatedRole[]>();
    if (memberIds.length === 0) return result;
    const rows = await this.manager
      .getRepository(MemberRoleReplicaEntity)
      .createQueryBuilder('r')
      .where('r.member_id IN (:...ids)', { ids: [...new Set(memberIds)] })
      .orderBy('r.role')
      .addOrderBy('r.institution_key')
      .getMany();
    for (const row of rows) {
      const list = result.get(row.memberId) ?? [];
      list.push({ role: row.role, institutionId: row.institutionId });
      result.set(row.memberId, list);
    }
    return result;
  }

  /** Whether the member holds the role now; for `lead`, pass the institution (any institution when omitted). */
  async holds(memberId: string, role: Role, institutionId?: string): Promise<boolean> {
    const roles = await this.currentRoles(memberId);
    return roles.some(
      (grant) =>
        grant.role === role && (institutionId === undefined || grant.institutionId === institutionId),
    );
  }

  /** The sequence of the newest role event applied for the member; 0 when none. Only ever grows. */
  async rolesVersion(memberId: string): Promise<number> {
    const row = await this.manager.findOneBy(MemberRoleVersionEntity, { memberId });
    return row ? Number(row.version) : 0;
  }

  async profile(memberId: string): Promise<MemberReplicaEntity | null> {
    return this.manager.findOneBy(MemberReplicaEntity, { memberId });
  }

  async profiles(memberIds: readonly string[]): Promise<Map<string, MemberReplicaEntity>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.manager
      .getRepository(MemberReplicaEntity)
      .createQueryBuilder('m')
      .where('m.member_id IN (:...ids)', { ids: [...new Set(memberIds)] })
      .getMany();
    return new Map(rows.map((row) => [row.memberId, row]));
  }
}

export function memberReplica(manager: EntityManager): MemberReplica {
  return new MemberReplica(manager);
}

/**
 * Narrows a query over people to those who hold `role` now, as the replica says: any list of people chosen by
 * role (mentors to suggest or match, judges to assign) must read the role at query time, never a profile or a
 * pool row written when the role was held, so a revoked mentor or judge drops out as soon as the replica applies
 * the revocation. `memberIdColumn` is the query's column holding the member id, e.g. `p.member_id`.
 */
export function holdingRoleNow<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  memberIdColumn: string,
  role: Role,
): SelectQueryBuilder<T> {
  const parameter = `holdingRole_${role}`;
  return query.andWhere(
    `EXISTS (SELECT 1 FROM member_role_replica held WHERE held.member_id = ${memberIdColumn} AND held.role = :${parameter})`,
    { [parameter]: role },
  );
}
