import { FundingErrorCode } from '../funding.exception';
import { refusalOf } from '../testing/refusal';
import {
  allocatedMinuteDays,
  assertNoOverlap,
  changeAllocation,
  minutesToWeeklyAmounts,
  validateAllocationInput,
  weeklyAmountToMinutes,
  type ProtectedTimeAllocation,
} from './allocation';

const BASE: ProtectedTimeAllocation = {
  id: 'a1',
  memberId: 'm1',
  awardId: 'aw1',
  weeklyMinutes: 480,
  from: '2026-01-05',
  to: '2026-06-28',
};

describe('protected-time allocations', () => {
  it('counts one programmed activity as four hours', () => {
    expect(weeklyAmountToMinutes({ unit: 'PROGRAMMED_ACTIVITIES', amount: 1 })).toBe(240);
    expect(weeklyAmountToMinutes({ unit: 'PROGRAMMED_ACTIVITIES', amount: 2.5 })).toBe(600);
    expect(weeklyAmountToMinutes({ unit: 'HOURS', amount: 7.5 })).toBe(450);
    expect(minutesToWeeklyAmounts(600)).toEqual({ hours: 10, programmedActivities: 2.5 });
  });

  it('accepts quarter hours and quarter PAs, up to 48 hours a week', () => {
    expect(weeklyAmountToMinutes({ unit: 'HOURS', amount: 0.25 })).toBe(15);
    expect(weeklyAmountToMinutes({ unit: 'PROGRAMMED_ACTIVITIES', amount: 12 })).toBe(2880);
    for (const weekly of [
      { unit: 'HOURS', amount: 0.1 },
      { unit: 'HOURS', amount: 0 },
      { unit: 'HOURS', amount: 48.25 },
      { unit: 'PROGRAMMED_ACTIVITIES', amount: 0.1 },
      { unit: 'PROGRAMMED_ACTIVITIES', amount: 12.25 },
      { unit: 'DAYS', amount: 1 },
    ] as const) {
      expect(refusalOf(() => weeklyAmountToMinutes(weekly as never)).code).toBe(
        FundingErrorCode.INVALID_INPUT,
      );
    }
  });

  it('validates the dates and the amount together', () => {
    const error = refusalOf(() =>
      validateAllocationInput({
        weekly: { unit: 'HOURS', amount: -1 },
        from: '2026-02-01',
        to: '2026-01-01',
      }),
    );
    expect((error.details.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'weekly.amount',
      'to',
    ]);
    expect(
      validateAllocationInput({ weekly: { unit: 'HOURS', amount: 4 }, from: '2026-01-01', to: '2026-01-01' }),
    ).toEqual({
      weeklyMinutes: 240,
      from: '2026-01-01',
      to: '2026-01-01',
    });
  });

  it('refuses an overlapping allocation on the same award, and allows another award or member', () => {
    const candidate = { memberId: 'm1', awardId: 'aw1', from: '2026-06-28', to: '2026-09-01' };
    expect(refusalOf(() => assertNoOverlap([BASE], candidate)).code).toBe(
      FundingErrorCode.OVERLAPPING_ALLOCATION,
    );
    expect(() => assertNoOverlap([BASE], { ...candidate, from: '2026-06-29' })).not.toThrow();
    expect(() => assertNoOverlap([BASE], { ...candidate, awardId: 'aw2' })).not.toThrow();
    expect(() => assertNoOverlap([BASE], { ...candidate, memberId: 'm2' })).not.toThrow();
    expect(() => assertNoOverlap([BASE], { ...BASE })).not.toThrow();
  });

  it('changes mid-period by ending the old allocation the day before', () => {
    const change = changeAllocation(BASE, { unit: 'HOURS', amount: 4 }, '2026-03-01');
    expect(change.ended).toEqual({ ...BASE, to: '2026-02-28' });
    expect(change.next).toEqual({
      memberId: 'm1',
      awardId: 'aw1',
      weeklyMinutes: 240,
      from: '2026-03-01',
      to: '2026-06-28',
    });
    expect(changeAllocation(BASE, { unit: 'HOURS', amount: 4 }, BASE.from).ended).toBeNull();
    expect(
      refusalOf(() => changeAllocation(BASE, { unit: 'HOURS', amount: 4 }, '2026-07-01')).message,
    ).toMatch(/effectiveFrom: must be a date from 2026-01-05 to 2026-06-28/);
  });

  it('prorates by calendar days and stays an exact integer (× 7)', () => {
    // Week of Mon 2026-01-05: full week = 480 min; the allocation starting on Thursday 8 Jan covers 4 days.
    expect(allocatedMinuteDays([BASE], '2026-01-05', '2026-01-11')).toBe(480 * 7);
    expect(allocatedMinuteDays([{ ...BASE, from: '2026-01-08' }], '2026-01-05', '2026-01-11')).toBe(480 * 4);
    const change = changeAllocation(BASE, { unit: 'HOURS', amount: 4 }, '2026-01-08');
    const both = [change.ended as ProtectedTimeAllocation, { ...change.next, id: 'a2' }];
    expect(allocatedMinuteDays(both, '2026-01-05', '2026-01-11')).toBe(480 * 3 + 240 * 4);
  });
});
