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
  applicableInOrder,
  applyIfNewer,
  eventVerificationKeysSchema,
  handle,
  handleInBatches,
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

const UPSERT_PROFILES = `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, specialty,
     interests, institution_confirmed, career_stage_confirmed)
   SELECT r.member_id, r.display_name, r.career_stage, r.institution_id, r.specialty, r.interests,
          r.institution_confirmed, r.career_stage_confirmed
     FROM jsonb_to_recordset($1::jsonb) AS r(member_id uuid, display_name text, career_stage text,
          institution_id uuid, specialty text, interests text[], institution_confirmed boolean,
          career_stage_confirmed boolean)
   ON CONFLICT (member_id) DO UPDATE SET display_name = EXCLUDED.display_name,
     career_stage = EXCLUDED.career_stage, institution_id = EXCLUDED.institution_id,
     specialty = EXCLUDED.specialty, interests = EXCLUDED.interests,
     institution_confirmed = EXCLUDED.institution_confirmed,
     career_stage_confirmed = EXCLUDED.career_stage_confirmed, updated_at = now()`;

/** member_replica's row for a profile (an event without the confirmation flags counts as confirmed). */
function profileRow(profile: ProfileSnapshot) {
  const confirmed = confirmationOf(profile);
  return {
    member_id: profile.memberId,
    display_name: profile.displayName,
    career_stage: profile.careerStage,
    institution_id: profile.institutionId,
    specialty: profile.specialty,
    interests: profile.interests,
    institution_confirmed: confirmed.institutionConfirmed,
    career_stage_confirmed: confirmed.careerStageConfirmed,
  };
}

/**
 * Registration and profile updates both carry the whole public profile: the newest one wins. A run of them
 * (a fetch's worth) is judged in order against each member's newest applied sequence, and since each applied
 * profile replaces the whole row, only every member's last applicable one is written: two statements for the
 * ordering and one upsert, whatever the run's length (one after another they were two statements per event,
 * most of a replica consumer's work at 200 registrations a second).
 */
async function applyProfiles(
  manager: EntityManager,
  context: HandlerContext,
  events: Array<EventEnvelope<ProfileSnapshot>>,
): Promise<void> {
  if (events.length === 1) {
    const [event] = events;
    await applyIfNewer(manager, { context, event, stream: 'profile' }, async () => {
      await manager.query(UPSERT_PROFILES, [JSON.stringify([profileRow(event.payload)])]);
    });
    return;
  }
  const applies = await applicableInOrder(
    manager,
    context,
    events.map((event) => ({ event, stream: 'profile' })),
  );
  const newest = new Map<string, ProfileSnapshot>();
  events.forEach((event, index) => {
    if (applies[index]) newest.set(event.aggregateId, event.payload);
  });
  if (newest.size === 0) return;
  await manager.query(UPSERT_PROFILES, [JSON.stringify([...newest.values()].map(profileRow))]);
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
    handleInBatches(MemberRegisteredV1, (events, manager, context) =>
      applyProfiles(manager, context, events),
    ),
    handleInBatches(MemberProfileUpdatedV1, (events, manager, context) =>
      applyProfiles(manager, context, events),
    ),
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
