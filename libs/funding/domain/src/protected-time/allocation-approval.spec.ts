import { FundingErrorCode } from '../funding.exception';
import { refusalOf } from '../testing/refusal';
import { assertCanDecideAllocation, proposedWeeklyMinutes } from './allocation-approval';

describe('allocation proposed from the requested hours', () => {
  it('spreads the hours over the award weeks, rounded up to a quarter hour', () => {
    // 26 weeks exactly (182 days): 130 h → 5 h a week.
    expect(proposedWeeklyMinutes(130, '2026-01-05', '2026-07-05')).toBe(300);
    // 100 h over 26 weeks = 3.846 h → 3.75 would protect less than asked; 4 h.
    expect(proposedWeeklyMinutes(100, '2026-01-05', '2026-07-05')).toBe(240);
  });

  it('proposes nothing without requested hours, at least a quarter hour, and at most 48 hours a week', () => {
    expect(proposedWeeklyMinutes(0, '2026-01-05', '2026-07-05')).toBeNull();
    expect(proposedWeeklyMinutes(Number.NaN, '2026-01-05', '2026-07-05')).toBeNull();
    expect(proposedWeeklyMinutes(1, '2026-01-05', '2027-01-03')).toBe(15);
    expect(proposedWeeklyMinutes(1000, '2026-01-05', '2026-01-11')).toBe(48 * 60);
  });
});

describe('who approves protected time', () => {
  const allocation = { memberId: 'm1', memberInstitutionId: 'inst-1', status: 'PROPOSED' as const };

  it('is a lead of the member’s institution or an admin', () => {
    expect(() =>
      assertCanDecideAllocation(
        { memberId: 'lead', isAdmin: false, leadOfInstitutionIds: ['inst-1'] },
        allocation,
      ),
    ).not.toThrow();
    expect(() =>
      assertCanDecideAllocation({ memberId: 'admin', isAdmin: true, leadOfInstitutionIds: [] }, allocation),
    ).not.toThrow();
    expect(
      refusalOf(() =>
        assertCanDecideAllocation(
          { memberId: 'lead2', isAdmin: false, leadOfInstitutionIds: ['inst-2'] },
          allocation,
        ),
      ).code,
    ).toBe(FundingErrorCode.NOT_ALLOWED_FOR_ACTOR);
    expect(
      refusalOf(() =>
        assertCanDecideAllocation(
          { memberId: 'lead', isAdmin: false, leadOfInstitutionIds: ['inst-1'] },
          { ...allocation, memberInstitutionId: null },
        ),
      ).code,
    ).toBe(FundingErrorCode.NOT_ALLOWED_FOR_ACTOR);
  });

  it('is never the member themselves, even when they lead the institution', () => {
    expect(
      refusalOf(() =>
        assertCanDecideAllocation(
          { memberId: 'm1', isAdmin: false, leadOfInstitutionIds: ['inst-1'] },
          allocation,
        ),
      ).message,
    ).toMatch(/cannot approve their own/);
  });

  it('happens once', () => {
    expect(
      refusalOf(() =>
        assertCanDecideAllocation(
          { memberId: 'admin', isAdmin: true, leadOfInstitutionIds: [] },
          { ...allocation, status: 'APPROVED' },
        ),
      ).code,
    ).toBe(FundingErrorCode.ALLOCATION_ALREADY_DECIDED);
  });
});
