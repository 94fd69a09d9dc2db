import type { EntityManager } from 'typeorm';
import {
  InstitutionCreatedV1,
  MemberProfileUpdatedV1,
  MemberRegisteredV1,
  MemberRoleGrantedV1,
  MemberRoleRevokedV1,
  confirmationOf,
  type CareerStage,
  type EventEnvelope,
  type Role,
} from '@praxis/contracts';
import {
  applyIfNewer,
  eventVerificationKeysSchema,
  handle,
  type EventHandler,
  type HandlerContext,
} from '@praxis/platform/messaging';

/** The consumer group of a service's member replica: one per service, shared by its instances. */
export function memberReplicaGroup(service: string): string {
  return `${service}.member-replica`;
}

interface ProfileSnapshot {
  memberId: string;
  displayName: string;
  careerStage: CareerStage;
  institutionId: string;
  specialty: string | null;
  interests: string[];
  institutionConfirmed?: boolean;
  careerStageConfirmed?: boolean;
}

/**
 * Registration and profile updates both carry the whole public profile: the newest one wins. An event without
 * the confirmation flags predates them and counts as confirmed.
 */
async function applyProfile(
  manager: EntityManager,
  context: HandlerContext,
  event: EventEnvelope<ProfileSnapshot>,
): Promise<void> {
  await applyIfNewer(manager, { context, event, stream: 'profile' }, async () => {
    const profile = event.payload;
    const confirmed = confirmationOf(profile);
    await manager.query(
      `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, specialty, interests,
         institution_confirmed, career_stage_confirmed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (member_id) DO UPDATE SET display_name = EXCLUDED.display_name,
         career_stage = EXCLUDED.career_stage, institution_id = EXCLUDED.institution_id,
         specialty = EXCLUDED.specialty, interests = EXCLUDED.interests,
         institution_confirmed = EXCLUDED.institution_confirmed,
         career_stage_confirmed = EXCLUDED.career_stage_confirmed, updated_at = now()`,
      [
        profile.memberId,
        profile.displayName,
        profile.careerStage,
        profile.institutionId,
        profile.specialty,
        profile.interests,
        confirmed.institutionConfirmed,
        confirmed.careerStageConfirmed,
      ],
    );
  });
}

interface RoleChange {
  memberId: string;
  role: Role;
  institutionId: string | null;
}

/**
 * A grant and a revocation of the same role scope replace each other: the newest decides. Signatures were
 * checked by the consumer before this runs (the contracts confer rights).
 */
async function applyRole(
  manager: EntityManager,
  context: HandlerContext,
  event: EventEnvelope<RoleChange>,
  held: boolean,
): Promise<void> {
  const { memberId, role, institutionId } = event.payload;
  const institutionKey = institutionId ?? '';
  await applyIfNewer(manager, { context, event, stream: `role:${role}:${institutionKey}` }, async () => {
    if (held) {
      await manager.query(
        `INSERT INTO member_role_replica (member_id, role, institution_key, institution_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [memberId, role, institutionKey, institutionId],
      );
    } else {
      await manager.query(
        `DELETE FROM member_role_replica WHERE member_id = $1 AND role = $2 AND institution_key = $3`,
        [memberId, role, institutionKey],
      );
    }
    await manager.query(
      `INSERT INTO member_role_version (member_id, version) VALUES ($1, $2)
       ON CONFLICT (member_id) DO UPDATE SET version = GREATEST(member_role_version.version, EXCLUDED.version),
         updated_at = now()`,
      [memberId, event.sequence ?? 0],
    );
  });
}

/**
 * The handlers of the shared member replica (profiles, roles with their institution scope, institutions), fed
 * by membership's events and applied in membership's order whatever order they arrive in.
 */
export function memberReplicaHandlers(): EventHandler[] {
  return [
    handle(MemberRegisteredV1, (event, manager, context) => applyProfile(manager, context, event)),
    handle(MemberProfileUpdatedV1, (event, manager, context) => applyProfile(manager, context, event)),
    handle(MemberRoleGrantedV1, (event, manager, context) => applyRole(manager, context, event, true)),
    handle(MemberRoleRevokedV1, (event, manager, context) => applyRole(manager, context, event, false)),
    handle(InstitutionCreatedV1, async (event, manager, context) => {
      await applyIfNewer(manager, { context, event, stream: 'institution' }, async () => {
        await manager.query(
          `INSERT INTO institution_replica (institution_id, name, country) VALUES ($1, $2, $3)
           ON CONFLICT (institution_id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country`,
          [event.payload.institutionId, event.payload.name, event.payload.country],
        );
      });
    }),
  ];
}

/**
 * Configuration a service with a member replica must have: membership's public event keys, without which no
 * role event can be verified (validated at boot, not discovered at the first grant).
 */
export const memberReplicaEnvShape = {
  EVENT_VERIFICATION_KEYS: eventVerificationKeysSchema,
};
