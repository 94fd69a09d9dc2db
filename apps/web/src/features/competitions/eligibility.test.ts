import { describe, expect, it } from 'vitest';
import { eligibilityInWords, eligibilityProblems } from './eligibility';

const rules = {
  requiresInterInstitutionalTeam: true,
  maxTeamSize: 2,
  allowedCareerStages: ['RESIDENT' as const],
};
const member = (displayName: string, institutionId: string, careerStage = 'RESIDENT') => ({
  displayName,
  institutionId,
  careerStage,
});

describe('eligibility before submission', () => {
  it('says each rule in words', () => {
    expect(eligibilityInWords(rules)).toEqual([
      'A team has at most 2 members, the lead applicant included.',
      'The team must come from at least two different institutions: invite someone from another institution.',
      'Every team member must be a resident.',
      'Only people who have accepted their invitation count as team members.',
    ]);
  });

  it('names every rule the accepted team breaks, and nothing when it meets them', () => {
    expect(eligibilityProblems(rules, [member('Ada', 'leeds')])).toEqual([
      'The team must come from at least two different institutions: invite someone from another institution.',
    ]);
    expect(
      eligibilityProblems(rules, [
        member('Ada', 'leeds'),
        member('Bo', 'leeds', 'CONSULTANT'),
        member('Cy', 'x'),
      ]),
    ).toEqual([
      'A team has at most 2 members, the lead applicant included.',
      'Every team member must be a resident. (Bo)',
    ]);
    expect(eligibilityProblems(rules, [member('Ada', 'leeds'), member('Bo', 'glasgow')])).toEqual([]);
  });
});
