import type { CareerStage } from '@praxis/contracts';
import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';

export interface EligibilityRules {
  readonly requiresInterInstitutionalTeam: boolean;
  /** Largest number of distinct members a team may have. */
  readonly maxTeamSize: number;
  /** Career stages every member must be at; empty means any stage is accepted. */
  readonly allowedCareerStages: readonly CareerStage[];
}

/** What the proposals service knows about a team member from its membership read model. */
export interface TeamMemberSnapshot {
  readonly memberId: string;
  /** False when the id is not (or no longer) a registered member of the community. */
  readonly registered: boolean;
  readonly institutionId: string | null;
  /**
   * Whether a lead of the institution or an admin confirmed it: a new member's is not until membership says so,
   * and an unconfirmed institution does not count toward an inter-institutional team.
   */
  readonly institutionConfirmed: boolean;
  readonly careerStage: CareerStage | null;
  /** Whether the career stage is confirmed; an unconfirmed one does not meet a stage-limited competition. */
  readonly careerStageConfirmed: boolean;
  readonly isLead: boolean;
  /** Used in messages so organisers and applicants see names rather than ids. */
  readonly displayName?: string;
}

export enum EligibilityRule {
  UNKNOWN_MEMBER = 'UNKNOWN_MEMBER',
  DUPLICATE_MEMBER = 'DUPLICATE_MEMBER',
  MAX_TEAM_SIZE = 'MAX_TEAM_SIZE',
  SINGLE_LEAD = 'SINGLE_LEAD',
  INTER_INSTITUTIONAL = 'INTER_INSTITUTIONAL',
  CAREER_STAGE = 'CAREER_STAGE',
  /** The lead applicant was invited but has not accepted: they are not on the team yet. */
  LEAD_NOT_ACCEPTED = 'LEAD_NOT_ACCEPTED',
}

export interface EligibilityFailure {
  readonly rule: EligibilityRule;
  readonly message: string;
  /** The members who break the rule, when the rule is about particular members. */
  readonly memberIds?: readonly string[];
}

function nameOf(member: TeamMemberSnapshot): string {
  return member.displayName?.trim() ? member.displayName.trim() : member.memberId;
}

function listNames(members: readonly TeamMemberSnapshot[]): string {
  return members.map(nameOf).join(', ');
}

function stageDescription(member: TeamMemberSnapshot): string {
  if (member.careerStage === null) return 'no career stage recorded';
  return member.careerStageConfirmed ? member.careerStage : `${member.careerStage}, not confirmed yet`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Returns every rule the team fails, so an applicant can fix the team in one go. Members listed more than
 * once are reported as duplicates and otherwise counted once (first listing wins, lead if any listing is).
 */
export function checkEligibility(
  rules: EligibilityRules,
  team: readonly TeamMemberSnapshot[],
  /** The lead applicant, when they are invited but have not accepted (so are not in `team`). */
  invitation: { readonly pendingLeadId?: string } = {},
): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];

  const distinct = new Map<string, TeamMemberSnapshot>();
  const duplicated = new Set<string>();
  const leadIds = new Set<string>();
  for (const member of team) {
    if (distinct.has(member.memberId)) {
      duplicated.add(member.memberId);
    } else {
      distinct.set(member.memberId, member);
    }
    if (member.isLead) {
      leadIds.add(member.memberId);
    }
  }
  const members = [...distinct.values()];

  if (duplicated.size > 0) {
    const ids = [...duplicated];
    failures.push({
      rule: EligibilityRule.DUPLICATE_MEMBER,
      message: `Each member can be on the team only once; listed more than once: ${listNames(ids.map((id) => distinct.get(id) as TeamMemberSnapshot))}.`,
      memberIds: ids,
    });
  }

  const unknown = members.filter((member) => !member.registered);
  if (unknown.length > 0) {
    failures.push({
      rule: EligibilityRule.UNKNOWN_MEMBER,
      message: `Every team member must be a registered member; not registered: ${listNames(unknown)}.`,
      memberIds: unknown.map((member) => member.memberId),
    });
  }

  if (members.length > rules.maxTeamSize) {
    failures.push({
      rule: EligibilityRule.MAX_TEAM_SIZE,
      message: `The team has ${plural(members.length, 'member', 'members')}; this competition allows at most ${rules.maxTeamSize}.`,
    });
  }

  if (leadIds.size === 0 && invitation.pendingLeadId !== undefined) {
    failures.push({
      rule: EligibilityRule.LEAD_NOT_ACCEPTED,
      message:
        'The lead applicant has not accepted the invitation to the team yet; only accepted members count.',
      memberIds: [invitation.pendingLeadId],
    });
  } else if (leadIds.size !== 1) {
    failures.push({
      rule: EligibilityRule.SINGLE_LEAD,
      message:
        leadIds.size === 0
          ? 'The team must have exactly one lead applicant; none is marked as lead.'
          : `The team must have exactly one lead applicant; ${leadIds.size} are marked as lead: ${listNames(
              [...leadIds].map((id) => distinct.get(id) as TeamMemberSnapshot),
            )}.`,
      ...(leadIds.size > 1 ? { memberIds: [...leadIds] } : {}),
    });
  }

  if (rules.requiresInterInstitutionalTeam) {
    const institutions = new Set(
      members
        .filter((member) => member.registered && member.institutionId !== null && member.institutionConfirmed)
        .map((m) => m.institutionId),
    );
    if (institutions.size < 2) {
      const withoutInstitution = members.filter(
        (member) => member.registered && member.institutionId === null,
      );
      const unconfirmed = members.filter(
        (member) => member.registered && member.institutionId !== null && !member.institutionConfirmed,
      );
      const hints = [
        withoutInstitution.length > 0
          ? ` Members without an institution on their profile do not count: ${listNames(withoutInstitution)}.`
          : '',
        unconfirmed.length > 0
          ? ` Members whose institution is not confirmed yet (by a lead or an admin) do not count: ${listNames(unconfirmed)}.`
          : '',
      ].join('');
      const notCounted = [...withoutInstitution, ...unconfirmed];
      failures.push({
        rule: EligibilityRule.INTER_INSTITUTIONAL,
        message: `This competition requires an inter-institutional team: members must come from at least 2 different institutions, but they come from ${plural(institutions.size, 'institution', 'institutions')}.${hints}`,
        ...(notCounted.length > 0 ? { memberIds: notCounted.map((member) => member.memberId) } : {}),
      });
    }
  }

  if (rules.allowedCareerStages.length > 0) {
    const allowed = new Set<CareerStage>(rules.allowedCareerStages);
    // Unregistered members are already reported; their stage is unknown rather than wrong.
    // an unconfirmed stage is the member's word only: it meets the rule once a lead or an admin confirms it
    const offending = members.filter(
      (member) =>
        member.registered &&
        (member.careerStage === null || !allowed.has(member.careerStage) || !member.careerStageConfirmed),
    );
    if (offending.length > 0) {
      const described = offending
        .map((member) => `${nameOf(member)} (${stageDescription(member)})`)
        .join(', ');
      failures.push({
        rule: EligibilityRule.CAREER_STAGE,
        message: `Every member must be at an allowed career stage (${rules.allowedCareerStages.join(', ')}); not allowed: ${described}.`,
        memberIds: offending.map((member) => member.memberId),
      });
    }
  }

  return failures;
}

export function assertEligible(
  rules: EligibilityRules,
  team: readonly TeamMemberSnapshot[],
  invitation: { readonly pendingLeadId?: string } = {},
): void {
  const failures = checkEligibility(rules, team, invitation);
  if (failures.length > 0) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.NOT_ELIGIBLE,
      `The team is not eligible for this competition: ${failures.map((failure) => failure.message).join(' ')}`,
      { failures },
    );
  }
}
