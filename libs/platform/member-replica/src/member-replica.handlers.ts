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

const PROFILE_ROWS = `jsonb_to_recordset($1::jsonb) AS r(member_id uuid, display_name text, career_stage text,
     institution_id uuid, specialty text, interests text[], institution_confirmed boolean,
     career_stage_confirmed boolean)`;

/** The upsert of profiles read from `rows` (a relation `r` with member_replica's columns). */
function upsertProfilesFrom(rows: string): string {
  return `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id,
     specialty, interests, institution_confirmed, career_stage_confirmed)
   SELECT r.member_id, r.display_name, r.career_stage, r.institution_id, r.specialty, r.interests,
          r.institution_confirmed, r.career_stage_confirmed
     FROM ${rows}
   ON CONFLICT (member_id) DO UPDATE SET display_name = EXCLUDED.display_name,
     career_stage = EXCLUDED.career_stage, institution_id = EXCLUDED.institution_id,
     specialty = EXCLUDED.specialty, interests = EXCLUDED.interests,
     institution_confirmed = EXCLUDED.institution_confirmed,
     career_stage_confirmed = EXCLUDED.career_stage_confirmed, updated_at = now()`;
}

const UPSERT_PROFILES = upsertProfilesFrom(PROFILE_ROWS);

/**
 * The same upsert answering, in the same statement, every member whose institution it changed with the
 * institution before (null for a member the replica did not hold): the CTEs share one snapshot, so `previous`
 * reads the rows as they were. Events of one member are serialised by their `inbox_sequence` row, taken first.
 * Only a service with a hook pays for it: in a loaded run (load 9-12) 100 rows took 2.6-3.3 ms plain and
 * 4.3-4.7 ms tracked, so the services without one keep the plain upsert.
 */
const UPSERT_PROFILES_TRACKING_INSTITUTIONS = `WITH r AS (SELECT * FROM ${PROFILE_ROWS}),
   previous AS (SELECT m.member_id, m.institution_id FROM member_replica m JOIN r USING (member_id)),
   written AS (${upsertProfilesFrom('r')} RETURNING member_id, institution_id)
   SELECT w.member_id AS "memberId", p.institution_id AS "previousInstitutionId",
          w.institution_id AS "institutionId"
     FROM written w LEFT JOIN previous p USING (member_id)
    WHERE p.institution_id IS DISTINCT FROM w.institution_id
    ORDER BY w.member_id`;

/** A member whose institution the replica just changed. */
export interface InstitutionChange {
  readonly memberId: string;
  /** Null when the replica did not hold the member before (their registration, or a first profile). */
  readonly previousInstitutionId: string | null;
  readonly institutionId: string;
}

/** A role the replica just gave a member (`held`) or took from them. */
export interface RoleChange {
  readonly memberId: string;
  readonly role: Role;
  /** The lead's institution; null for the unscoped roles. */
  readonly institutionId: string | null;
  readonly held: boolean;
}

/** What a service may do when the replica changes, inside the transaction that changed it. */
export interface MemberReplicaHooks {
  /**
   * Called once per applied run of profile events that moved any member to another institution (each member
   * once, from the institution before the run to the one after it), after the replica rows are written and in
   * their transaction: what it writes commits with them and with the inbox rows, and an error rolls all of it
   * back for the consumer to retry. A redelivered or stale event changes nothing and calls nothing; a profile
   * change that keeps the institution calls nothing.
   */
  readonly onInstitutionChanged?: (
    changes: readonly InstitutionChange[],
    manager: EntityManager,
  ) => Promise<void>;
  /**
   * Called when an applied role event changed the roles the replica holds (a grant of a role not held, a
   * revocation of one held), after the role row is written and in its transaction, as `onInstitutionChanged`.
   * A redelivered or stale event, a grant of a role already held and a revocation of one not held call nothing.
   */
  readonly onRoleChanged?: (change: RoleChange, manager: EntityManager) => Promise<void>;
}

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
  hooks: MemberReplicaHooks,
): Promise<void> {
  const { onInstitutionChanged } = hooks;
  const write = async (profiles: ProfileSnapshot[]) => {
    const rows = JSON.stringify(profiles.map(profileRow));
    if (!onInstitutionChanged) {
      await manager.query(UPSERT_PROFILES, [rows]);
      return;
    }
    const changes: InstitutionChange[] = await manager.query(UPSERT_PROFILES_TRACKING_INSTITUTIONS, [rows]);
    if (changes.length > 0) await onInstitutionChanged(changes, manager);
  };
  if (events.length === 1) {
    const [event] = events;
    await applyIfNewer(manager, { context, event, stream: 'profile' }, () => write([event.payload]));
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
  await write([...newest.values()]);
}

interface RolePayload {
  memberId: string;
  role: Role;
  institutionId: string | null;
}

/**
 * A grant and a revocation of the same role scope replace each other: the newest decides. Signatures were
 * checked by the consumer before this runs (the contracts confer rights). `onRoleChanged` hears of the rows
 * the event actually wrote.
 */
async function applyRole(
  manager: EntityManager,
  context: HandlerContext,
  event: EventEnvelope<RolePayload>,
  held: boolean,
  hooks: MemberReplicaHooks,
): Promise<void> {
  const { memberId, role, institutionId } = event.payload;
  const institutionKey = institutionId ?? '';
  await applyIfNewer(manager, { context, event, stream: `role:${role}:${institutionKey}` }, async () => {
    // each statement answers the rows it wrote (a CTE, so both answer rows whatever the command)
    const written: unknown[] = held
      ? await manager.query(
          `WITH w AS (INSERT INTO member_role_replica (member_id, role, institution_key, institution_id)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1) SELECT 1 FROM w`,
          [memberId, role, institutionKey, institutionId],
        )
      : await manager.query(
          `WITH w AS (DELETE FROM member_role_replica WHERE member_id = $1 AND role = $2 AND institution_key = $3
             RETURNING 1) SELECT 1 FROM w`,
          [memberId, role, institutionKey],
        );
    await manager.query(
      `INSERT INTO member_role_version (member_id, version) VALUES ($1, $2)
       ON CONFLICT (member_id) DO UPDATE SET version = GREATEST(member_role_version.version, EXCLUDED.version),
         updated_at = now()`,
      [memberId, event.sequence ?? 0],
    );
    if (written.length > 0 && hooks.onRoleChanged) {
      await hooks.onRoleChanged({ memberId, role, institutionId, held }, manager);
    }
  });
}

/**
 * The handlers of the shared member replica (profiles, roles with their institution scope, institutions), fed
 * by membership's events and applied in membership's order whatever order they arrive in; `hooks` let a
 * service act on a change in the same transaction.
 */
export function memberReplicaHandlers(hooks: MemberReplicaHooks = {}): EventHandler[] {
  return [
    handleInBatches(MemberRegisteredV1, (events, manager, context) =>
      applyProfiles(manager, context, events, hooks),
    ),
    handleInBatches(MemberProfileUpdatedV1, (events, manager, context) =>
      applyProfiles(manager, context, events, hooks),
    ),
    handle(MemberRoleGrantedV1, (event, manager, context) => applyRole(manager, context, event, true, hooks)),
    handle(MemberRoleRevokedV1, (event, manager, context) =>
      applyRole(manager, context, event, false, hooks),
    ),
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
