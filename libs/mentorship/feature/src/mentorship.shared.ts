import type { EntityManager } from 'typeorm';
import { MentorshipRelationshipStartedV2 } from '@praxis/contracts';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  MenteeProfileEntity,
  MentorProfileEntity,
  RelationshipEntity,
  type RelationshipKind,
  type RelationshipOrigin,
} from '@praxis/mentorship/data-access';
import { isUuid } from '@praxis/platform/graphql';
import { holdingRoleNow, MemberReplicaEntity, memberReplica } from '@praxis/platform/member-replica';
import {
  MentorshipDomainError,
  MentorshipErrorCode,
  type MenteeMatchProfile,
  type MentorMatchProfile,
} from '@praxis/mentorship/domain';

export const OPEN_STATUSES = ['REQUESTED', 'ACTIVE'] as const;

/** An id that does not come through `IdArg` (a reference's representation) is checked with the same rule. */
export function requireUuid(value: unknown, field: string): string {
  if (!isUuid(value)) throw MentorshipDomainError.invalid(field, 'uuid', 'must be a UUID');
  return value.toLowerCase();
}

/** The member as this service knows them (membership's events); a clear, retryable error when not there yet. */
export async function requireMember(
  manager: EntityManager,
  memberId: string,
  who = 'your',
): Promise<MemberReplicaEntity> {
  const member = await manager.findOneBy(MemberReplicaEntity, { memberId });
  if (!member) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.MEMBER_NOT_REPLICATED,
      who === 'your'
        ? 'your membership profile has not reached mentorship yet; retry in a moment'
        : `member ${memberId} is unknown to mentorship (or not replicated yet; retry in a moment)`,
    );
  }
  return member;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Whether a write lost a race on a unique key (optionally a named one). Where a rule is held by a unique index
 * rather than a lock, the losing writer is told the rule, never the database error.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return (
    driverError?.code === UNIQUE_VIOLATION &&
    (constraint === undefined || driverError.constraint === constraint)
  );
}

export async function membersByIds(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, MemberReplicaEntity>> {
  if (ids.length === 0) return new Map();
  const rows = await manager
    .getRepository(MemberReplicaEntity)
    .createQueryBuilder('m')
    .where('m.member_id IN (:...ids)', { ids: [...new Set(ids)] })
    .getMany();
  return new Map(rows.map((row) => [row.memberId, row]));
}

export function toMentorMatchProfile(
  profile: MentorProfileEntity,
  member: MemberReplicaEntity,
): MentorMatchProfile {
  return {
    memberId: profile.memberId,
    careerStage: member.careerStage,
    institutionId: member.institutionId,
    specialty: member.specialty,
    expertise: profile.expertise,
    interests: profile.interests,
    menteeStages: profile.menteeStages,
    capacity: profile.capacity,
    activeMentees: profile.activeMentees,
    paused: profile.paused,
    acceptsDirectRequests: profile.acceptsDirectRequests,
    // the domain's formats describe the medium (video, in person...); the service's ONE_TO_ONE/GROUP are not scored
    formats: [],
  };
}

/** A mentee profile is optional: without one, the member's own interests from membership stand in. */
export function toMenteeMatchProfile(
  member: MemberReplicaEntity,
  profile: MenteeProfileEntity | null,
): MenteeMatchProfile {
  return {
    memberId: member.memberId,
    careerStage: member.careerStage,
    institutionId: member.institutionId,
    specialty: member.specialty,
    interests: profile && profile.interests.length > 0 ? profile.interests : member.interests,
    goals: profile?.goals ?? [],
    preferredMentorStages: profile?.preferredMentorStages ?? [],
    preferOtherInstitution: profile?.preferOtherInstitution ?? false,
  };
}

/** Every mentor with a profile who holds the mentor role now, joined with their replicated membership data. */
export async function loadMentorProfiles(
  manager: EntityManager,
  mentorIds?: readonly string[],
): Promise<MentorMatchProfile[]> {
  const query = holdingRoleNow(
    manager.getRepository(MentorProfileEntity).createQueryBuilder('p'),
    'p.member_id',
    'mentor',
  );
  if (mentorIds) {
    if (mentorIds.length === 0) return [];
    query.andWhere('p.member_id IN (:...ids)', { ids: [...mentorIds] });
  }
  const profiles = await query.getMany();
  const members = await membersByIds(
    manager,
    profiles.map((profile) => profile.memberId),
  );
  return profiles.flatMap((profile) => {
    const member = members.get(profile.memberId);
    return member ? [toMentorMatchProfile(profile, member)] : [];
  });
}

/** Mentor ids the mentee has an open (requested or active) relationship with. */
export async function openMentorIdsOf(manager: EntityManager, menteeId: string): Promise<string[]> {
  const rows = await manager
    .getRepository(RelationshipEntity)
    .createQueryBuilder('r')
    .select('r.mentor_id', 'mentorId')
    .where('r.mentee_id = :menteeId AND r.status IN (:...open)', { menteeId, open: OPEN_STATUSES })
    .getRawMany<{ mentorId: string }>();
  return rows.map((row) => row.mentorId);
}

/**
 * Takes one of the mentor's places, or fails with MENTOR_AT_CAPACITY / MENTOR_PAUSED / NOT_A_MENTOR (the role
 * was revoked). A single conditional
 * UPDATE: the row lock it takes makes a concurrent transaction wait and then re-evaluate the condition, so two
 * mentees can never both get the last place. Must run in the transaction that activates the relationship.
 */
export async function takeMentorPlace(manager: EntityManager, mentorId: string): Promise<void> {
  const result: [unknown[], number] = await manager.query(
    `UPDATE mentor_profile SET active_mentees = active_mentees + 1, updated_at = now()
      WHERE member_id = $1 AND NOT paused AND active_mentees < capacity
        AND EXISTS (SELECT 1 FROM member_role_replica r WHERE r.member_id = $1 AND r.role = 'mentor')
      RETURNING member_id`,
    [mentorId],
  );
  if (result[1] === 1) return;
  const profile = await manager.findOneBy(MentorProfileEntity, { memberId: mentorId });
  if (!profile) throw MentorshipDomainError.notFound(`mentor profile of ${mentorId}`);
  if (!(await memberReplica(manager).holds(mentorId, 'mentor'))) {
    // a request made before the role was revoked cannot start a relationship after it
    throw new MentorshipDomainError(
      MentorshipErrorCode.NOT_A_MENTOR,
      'mentor no longer holds the mentor role',
      {
        mentorId,
      },
    );
  }
  if (profile.paused) {
    throw new MentorshipDomainError(MentorshipErrorCode.MENTOR_PAUSED, 'mentor is not taking mentees', {
      mentorId,
    });
  }
  throw new MentorshipDomainError(
    MentorshipErrorCode.MENTOR_AT_CAPACITY,
    `mentor.capacity: ${profile.activeMentees} active of ${profile.capacity} allowed`,
    { mentorId },
  );
}

export async function releaseMentorPlace(manager: EntityManager, mentorId: string): Promise<void> {
  await manager.query(
    `UPDATE mentor_profile SET active_mentees = GREATEST(active_mentees - 1, 0), updated_at = now() WHERE member_id = $1`,
    [mentorId],
  );
}

/** Creates an ACTIVE relationship (formal or supervision), taking a place under capacity, with its event. */
export async function startActiveRelationship(
  manager: EntityManager,
  command: {
    mentorId: string;
    menteeId: string;
    kind: RelationshipKind;
    origin: RelationshipOrigin;
    matchRunId?: string | null;
    /** The winning proposal a supervision is for (origin COMPETITION). */
    competition?: { competitionId: string; proposalId: string } | null;
    actorId: string;
  },
): Promise<RelationshipEntity> {
  if (command.mentorId === command.menteeId) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.SELF_MENTORING,
      'menteeId: a member cannot mentor themself',
    );
  }
  const existing = await manager
    .getRepository(RelationshipEntity)
    .createQueryBuilder('r')
    .where('r.mentor_id = :mentorId AND r.mentee_id = :menteeId AND r.status IN (:...open)', {
      mentorId: command.mentorId,
      menteeId: command.menteeId,
      open: OPEN_STATUSES,
    })
    .getOne();
  if (existing) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.ALREADY_MENTORING,
      'mentorId: this mentor already mentors (or has a pending request from) the mentee',
    );
  }
  await takeMentorPlace(manager, command.mentorId);
  const now = new Date();
  const relationship = manager.create(RelationshipEntity, {
    mentorId: command.mentorId,
    menteeId: command.menteeId,
    kind: command.kind,
    origin: command.origin,
    status: 'ACTIVE',
    startedAt: now,
    matchRunId: command.matchRunId ?? null,
  });
  try {
    await manager.save(relationship);
  } catch (error) {
    // the read above cannot see a concurrent transaction's pairing; the index decides, the caller gets the rule
    if (isUniqueViolation(error, 'relationship_open_pair_uq')) {
      throw new MentorshipDomainError(
        MentorshipErrorCode.ALREADY_MENTORING,
        'mentorId: this mentor already mentors (or has a pending request from) the mentee',
      );
    }
    throw error;
  }
  await publishStarted(manager, relationship, command.actorId, command.competition ?? null);
  return relationship;
}

export async function publishStarted(
  manager: EntityManager,
  relationship: RelationshipEntity,
  actorId: string,
  competition: { competitionId: string; proposalId: string } | null = null,
): Promise<void> {
  // v2 only from now on (v1 stays defined while consumers drain it)
  await appendToOutbox(
    manager,
    MentorshipRelationshipStartedV2,
    relationship.id,
    {
      relationshipId: relationship.id,
      mentorId: relationship.mentorId,
      menteeId: relationship.menteeId,
      kind: relationship.kind,
      origin: relationship.origin,
      competitionId: competition?.competitionId ?? null,
      proposalId: competition?.proposalId ?? null,
      startedAt: (relationship.startedAt ?? new Date()).toISOString(),
    },
    { actorId },
  );
}

/** Free-text tags as members type them, trimmed, without blanks or duplicates (case-insensitive). */
export function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.trim().replace(/\s+/g, ' ');
    const key = term.toLowerCase();
    if (term !== '' && !seen.has(key)) {
      seen.add(key);
      out.push(term);
    }
  }
  return out;
}
