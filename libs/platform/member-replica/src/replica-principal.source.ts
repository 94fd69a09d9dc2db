import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withReplicaRoles, type CurrentPrincipalSource, type Principal } from '@praxis/platform/auth';
import { MemberRoleVersionEntity } from './member-replica.entities';
import { memberReplica } from './member-replica.query';

/**
 * The guard's view of a caller in a service with a member replica: roles that gate operations come from the
 * replica (lead grants with their institution), unless the token was issued after the replica last applied a
 * role event for the member (a grant still on its way).
 */
@Injectable()
export class ReplicaPrincipalSource implements CurrentPrincipalSource {
  constructor(private readonly dataSource: DataSource) {}

  async current(principal: Principal): Promise<Principal> {
    const manager = this.dataSource.manager;
    const version = await manager.findOneBy(MemberRoleVersionEntity, { memberId: principal.memberId });
    if (!version) return withReplicaRoles(principal, null);
    return withReplicaRoles(principal, {
      roles: await memberReplica(manager).currentRoles(principal.memberId),
      changedAt: version.updatedAt,
    });
  }
}
