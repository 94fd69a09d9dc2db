import type { EntityManager } from 'typeorm';
import {
  InstitutionCreatedV1,
  MemberProfileUpdatedV1,
  MemberRegisteredV1,
  MemberRoleGrantedV1,
  MemberRoleRevokedV1,
  type CareerStage,
} from '@praxis/contracts';
import { handle, type EventHandler } from '@praxis/platform/messaging';

/** Consumer group of the replica: one per purpose, shared by every instance of the service. */
export const MEMBER_REPLICA_GROUP = 'proposals.member-replica';

interface Profile {
  memberId: string;
  displayName: string;
  careerStage: CareerStage;
  institutionId: string;
  interests: string[];
}

/**
 * Profile events are full snapshots, so an upsert is right whatever order they arrive in; the roles column is
 * left alone because role events travel on other topics and may come first.
 */
async function upsertProfile(manager: EntityManager, profile: Profile): Promise<void> {
  await manager.query(
    `INSERT INTO member_replica (member_id, registered, display_name, career_stage, institution_id, interests)
     VALUES ($1, true, $2, $3, $4, $5)
     ON CONFLICT (member_id) DO UPDATE SET registered = true, display_name = EXCLUDED.display_name,
       career_stage = EXCLUDED.career_stage, institution_id = EXCLUDED.institution_id,
       interests = EXCLUDED.interests, updated_at = now()`,
    [profile.memberId, profile.displayName, profile.careerStage, profile.institutionId, profile.interests],
  );
}

/** The replica of members (profiles and global roles) and institutions, fed by membership's events. */
export function memberReplicaHandlers(): EventHandler[] {
  return [
    handle(MemberRegisteredV1, (event, manager) => upsertProfile(manager, event.payload)),
    handle(MemberProfileUpdatedV1, (event, manager) => upsertProfile(manager, event.payload)),
    handle(MemberRoleGrantedV1, async (event, manager) => {
      if (event.payload.role === 'lead') return; // scoped grants are not replicated
      // a grant for a member the replica has not seen yet is kept on a placeholder row (registered = false)
      await manager.query(
        `INSERT INTO member_replica (member_id, registered, roles) VALUES ($1, false, ARRAY[$2]::text[])
         ON CONFLICT (member_id) DO UPDATE SET
           roles = CASE WHEN $2 = ANY(member_replica.roles) THEN member_replica.roles
                        ELSE array_append(member_replica.roles, $2) END,
           updated_at = now()`,
        [event.payload.memberId, event.payload.role],
      );
    }),
    handle(MemberRoleRevokedV1, async (event, manager) => {
      if (event.payload.role === 'lead') return; // scoped grants are not replicated
      await manager.query(
        `UPDATE member_replica SET roles = array_remove(roles, $2), updated_at = now() WHERE member_id = $1`,
        [event.payload.memberId, event.payload.role],
      );
    }),
    handle(InstitutionCreatedV1, async (event, manager) => {
      await manager.query(
        `INSERT INTO institution_replica (institution_id, name, country) VALUES ($1, $2, $3)
         ON CONFLICT (institution_id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country`,
        [event.payload.institutionId, event.payload.name, event.payload.country],
      );
    }),
  ];
}
