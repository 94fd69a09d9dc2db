import {
  assertEligible,
  checkEligibility,
  EligibilityRule,
  EligibilityRules,
  TeamMemberSnapshot,
} from './eligibility';
import { ProposalsErrorCode } from './proposals.exception';

const rules: EligibilityRules = {
  requiresInterInstitutionalTeam: true,
  maxTeamSize: 3,
  allowedCareerStages: ['MEDICAL_STUDENT', 'FOUNDATION_DOCTOR'],
};

function member(memberId: string, overrides: Partial<TeamMemberSnapshot> = {}): TeamMemberSnapshot {
  return {
    memberId,
    registered: true,
    institutionId: 'inst-a',
    institutionConfirmed: true,
    careerStage: 'MEDICAL_STUDENT',
    careerStageConfirmed: true,
    isLead: false,
    ...overrides,
  };
}

describe('checkEligibility', () => {
  it('passes a two-institution team of students with one lead', () => {
    expect(
      checkEligibility(rules, [
        member('m1', { isLead: true }),
        member('m2', { institutionId: 'inst-b', careerStage: 'FOUNDATION_DOCTOR' }),
      ]),
    ).toEqual([]);
  });

  it('reports every failed rule at once', () => {
    const failures = checkEligibility(rules, [
      member('m1', { isLead: true, displayName: 'Ada' }),
      member('m2', { isLead: true, careerStage: 'CONSULTANT', displayName: 'Bo' }),
      member('m3', { registered: false, institutionId: null, careerStage: null }),
      member('m4', { careerStage: null }),
      member('m1'),
    ]);
    expect(failures.map((f) => f.rule)).toEqual([
      EligibilityRule.DUPLICATE_MEMBER,
      EligibilityRule.UNKNOWN_MEMBER,
      EligibilityRule.MAX_TEAM_SIZE,
      EligibilityRule.SINGLE_LEAD,
      EligibilityRule.INTER_INSTITUTIONAL,
      EligibilityRule.CAREER_STAGE,
    ]);
    expect(failures[0]).toEqual({
      rule: EligibilityRule.DUPLICATE_MEMBER,
      message: 'Each member can be on the team only once; listed more than once: Ada.',
      memberIds: ['m1'],
    });
    expect(failures[1].memberIds).toEqual(['m3']);
    // Four distinct members (m1 counted once) against a maximum of 3.
    expect(failures[2].message).toBe('The team has 4 members; this competition allows at most 3.');
    expect(failures[3]).toEqual({
      rule: EligibilityRule.SINGLE_LEAD,
      message: 'The team must have exactly one lead applicant; 2 are marked as lead: Ada, Bo.',
      memberIds: ['m1', 'm2'],
    });
    expect(failures[4].message).toBe(
      'This competition requires an inter-institutional team: members must come from at least 2 different institutions, but they come from 1 institution.',
    );
    expect(failures[5]).toEqual({
      rule: EligibilityRule.CAREER_STAGE,
      message:
        'Every member must be at an allowed career stage (MEDICAL_STUDENT, FOUNDATION_DOCTOR); not allowed: Bo (CONSULTANT), m4 (no career stage recorded).',
      memberIds: ['m2', 'm4'],
    });
  });

  it('requires a lead', () => {
    const failures = checkEligibility({ ...rules, requiresInterInstitutionalTeam: false }, [member('m1')]);
    expect(failures).toEqual([
      {
        rule: EligibilityRule.SINGLE_LEAD,
        message: 'The team must have exactly one lead applicant; none is marked as lead.',
      },
    ]);
  });

  it('explains that members without an institution do not count toward the two institutions', () => {
    const [failure] = checkEligibility(rules, [
      member('m1', { isLead: true }),
      member('m2', { institutionId: null }),
    ]);
    expect(failure.rule).toBe(EligibilityRule.INTER_INSTITUTIONAL);
    expect(failure.memberIds).toEqual(['m2']);
    expect(failure.message).toContain('Members without an institution on their profile do not count: m2.');
  });

  it('does not count an unconfirmed institution toward an inter-institutional team, and says whose', () => {
    const [failure] = checkEligibility(rules, [
      member('m1', { isLead: true }),
      member('m2', { institutionId: 'inst-b', institutionConfirmed: false, displayName: 'Nova' }),
    ]);
    expect(failure).toEqual({
      rule: EligibilityRule.INTER_INSTITUTIONAL,
      message:
        'This competition requires an inter-institutional team: members must come from at least 2 different institutions, but they come from 1 institution. Members whose institution is not confirmed yet (by a lead or an admin) do not count: Nova.',
      memberIds: ['m2'],
    });
    expect(
      checkEligibility(rules, [
        member('m1', { isLead: true }),
        member('m2', { institutionId: 'inst-b' }),
        member('m3', { institutionId: 'inst-c', institutionConfirmed: false }),
      ]),
    ).toEqual([]);
  });

  it('does not let an unconfirmed career stage meet a stage-limited competition', () => {
    const failures = checkEligibility({ ...rules, requiresInterInstitutionalTeam: false }, [
      member('m1', { isLead: true }),
      member('m2', { careerStageConfirmed: false, displayName: 'Nova' }),
    ]);
    expect(failures).toEqual([
      {
        rule: EligibilityRule.CAREER_STAGE,
        message:
          'Every member must be at an allowed career stage (MEDICAL_STUDENT, FOUNDATION_DOCTOR); not allowed: Nova (MEDICAL_STUDENT, not confirmed yet).',
        memberIds: ['m2'],
      },
    ]);
    // a competition open to any stage asks nothing of it
    expect(
      checkEligibility({ ...rules, requiresInterInstitutionalTeam: false, allowedCareerStages: [] }, [
        member('m1', { isLead: true, careerStageConfirmed: false }),
      ]),
    ).toEqual([]);
  });

  it('treats an empty stage list as any stage and skips the institution rule when not required', () => {
    const open: EligibilityRules = {
      requiresInterInstitutionalTeam: false,
      maxTeamSize: 5,
      allowedCareerStages: [],
    };
    expect(
      checkEligibility(open, [
        member('m1', { isLead: true, careerStage: 'CONSULTANT' }),
        member('m2', { careerStage: null }),
      ]),
    ).toEqual([]);
  });

  it('assertEligible throws NOT_ELIGIBLE carrying the failures', () => {
    expect(() => assertEligible(rules, [member('m1')])).toThrow(
      expect.objectContaining({
        code: ProposalsErrorCode.NOT_ELIGIBLE,
        details: {
          failures: [
            expect.objectContaining({ rule: EligibilityRule.SINGLE_LEAD }),
            expect.objectContaining({ rule: EligibilityRule.INTER_INSTITUTIONAL }),
          ],
        },
      }),
    );
  });
});
