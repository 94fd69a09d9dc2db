import type { EntityManager } from 'typeorm';
import {
  MemberProfileUpdatedV1,
  MemberRegisteredV1,
  MemberRoleGrantedV1,
  MemberRoleRevokedV1,
  type CareerStage,
} from '@praxis/contracts';
import { handle, type EventHandler } from '@praxis/platform/messaging';
import { MemberRoleReplicaEntity } from '@praxis/mentorship/data-access';

interface ProfileSnapshot {
  memberId: string;
  displayName: string;
  careerStage: CareerStage;
  institutionId: string;
  specialty: string | null;
  interests: string[];
}

/** Registration and profile updates both carry the full public profile, so both are an upsert keeping roles. */
async function upsertProfile(manager: EntityManager, snapshot: ProfileSnapshot): Promise<void> {
  await manager.query(
    `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, specialty, interests)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (member_id) DO UPDATE SET display_name = EXCLUDED.display_name,
       career_stage = EXCLUDED.career_stage, institution_id = EXCLUDED.institution_id,
       specialty = EXCLUDED.specialty, interests = EXCLUDED.interests, updated_at = now()`,
    [
      snapshot.memberId,
      snapshot.displayName,
      snapshot.careerStage,
      snapshot.institutionId,
      snapshot.specialty,
      snapshot.interests,
    ],
  );
}

/** Consumer group `mentorship.member-replica`: the members mentorship needs, from membership's events. */
export function memberReplicaHandlers(): EventHandler[] {
  return [
    handle(MemberRegisteredV1, (event, manager) => upsertProfile(manager, event.payload)),
    handle(MemberProfileUpdatedV1, (event, manager) => upsertProfile(manager, event.payload)),
    handle(MemberRoleGrantedV1, async (event, manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(MemberRoleReplicaEntity)
        .values({ memberId: event.payload.memberId, role: event.payload.role })
        .orIgnore()
        .execute();
    }),
    handle(MemberRoleRevokedV1, async (event, manager) => {
      // role names only (not lead institutions); a later grant restores a revoked role
      await manager.delete(MemberRoleReplicaEntity, {
        memberId: event.payload.memberId,
        role: event.payload.role,
      });
    }),
  ];
}
