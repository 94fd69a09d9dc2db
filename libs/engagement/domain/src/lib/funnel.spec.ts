import { releaseFunnel, releaseSplitFunnel, zeroCounts, type Activity } from './funnel';
import { bucketOf, bucketsCovering } from './period';
import { checkInAdherence, utilisation } from './rates';
import { EngagementDomainError } from './engagement.exception';

function counts(values: Partial<Record<Activity, number>>) {
  return { ...zeroCounts(), ...values };
}

describe('funnel', () => {
  it('gives counts and conversion from the previous step and from members', () => {
    const steps = releaseFunnel(
      counts({ MEMBERS: 40, PROGRAMME_APPLICANTS: 20, ATTENDEES: 10, MENTORED: 8 }),
      5,
    );
    const byStep = new Map(steps.map((step) => [step.step, step]));
    expect(byStep.get('ATTENDEES')).toEqual({
      step: 'ATTENDEES',
      count: { count: 10, suppressed: false },
      fromPrevious: 0.5,
      fromMembers: 0.25,
    });
    expect(byStep.get('MENTORED')?.fromPrevious).toBe(0.2);
    expect(byStep.get('MEMBERS')?.fromPrevious).toBeNull();
  });

  it('suppresses small steps and every rate beside them', () => {
    const steps = releaseFunnel(counts({ MEMBERS: 40, PROGRAMME_APPLICANTS: 3, ATTENDEES: 3 }), 5);
    const attendees = steps.find((step) => step.step === 'ATTENDEES');
    expect(attendees).toEqual({
      step: 'ATTENDEES',
      count: { count: null, suppressed: true },
      fromPrevious: null,
      fromMembers: null,
    });
  });

  it('splits by a dimension with each step a suppressed line whose total is the unsplit figure', () => {
    const split = releaseSplitFunnel(
      ['RESIDENT', 'CONSULTANT', 'OTHER'],
      (group) =>
        ({
          RESIDENT: counts({ MEMBERS: 20, SUBMITTED: 6 }),
          CONSULTANT: counts({ MEMBERS: 12, SUBMITTED: 2 }),
          OTHER: counts({ MEMBERS: 9, SUBMITTED: 7 }),
        })[group] ?? zeroCounts(),
      5,
    );
    const submitted = (group: number) => split.groups[group]?.steps.find((step) => step.step === 'SUBMITTED');
    expect(submitted(0)?.count.suppressed).toBe(true); // the first published cell hides the small one
    expect(submitted(1)?.count.suppressed).toBe(true);
    expect(submitted(2)?.count.count).toBe(7);
    expect(split.total.find((step) => step.step === 'SUBMITTED')?.count.count).toBe(15);
  });
});

describe('periods', () => {
  it('labels months, quarters and years in UTC', () => {
    const instant = new Date('2026-05-31T23:30:00Z');
    expect(bucketOf(instant, 'MONTH').label).toBe('2026-05');
    expect(bucketOf(instant, 'QUARTER')).toEqual({
      label: '2026-Q2',
      start: new Date('2026-04-01T00:00:00Z'),
      end: new Date('2026-07-01T00:00:00Z'),
    });
    expect(bucketOf(instant, 'YEAR').label).toBe('2026');
  });

  it('covers a period with whole buckets', () => {
    const buckets = bucketsCovering(
      { from: new Date('2026-02-10Z'), to: new Date('2026-07-01Z') },
      'QUARTER',
    );
    expect(buckets.map((bucket) => bucket.label)).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('refuses an empty or reversed period and one of too many buckets, naming the field', () => {
    const attempt = (from: string, to: string) => () =>
      bucketsCovering({ from: new Date(from), to: new Date(to) }, 'MONTH');
    expect(attempt('2026-03-01Z', '2026-03-01Z')).toThrow(/to: must be after from/);
    expect(attempt('2000-01-01Z', '2026-03-01Z')).toThrow(/more than 120 months/);
    try {
      attempt('2026-03-01Z', '2026-01-01Z')();
    } catch (error) {
      expect((error as EngagementDomainError).details).toEqual({
        errors: [{ field: 'to', rule: 'afterFrom', message: 'must be after from' }],
      });
    }
  });
});

describe('adherence and utilisation', () => {
  it('expects one check-in per cadence while active in the window', () => {
    expect(
      checkInAdherence({
        held: 2,
        cadenceDays: 30,
        activeFrom: new Date('2026-01-01Z'),
        activeTo: null,
        from: new Date('2026-01-01Z'),
        to: new Date('2026-04-01Z'),
      }),
    ).toEqual({ expected: 3, held: 2, adherence: 0.6667 });
    expect(
      checkInAdherence({
        held: 0,
        cadenceDays: 30,
        activeFrom: new Date('2026-03-20Z'),
        activeTo: null,
        from: new Date('2026-01-01Z'),
        to: new Date('2026-04-01Z'),
      }).adherence,
    ).toBeNull();
  });

  it('utilisation is logged over allocated, null with nothing allocated', () => {
    expect(utilisation(90, 120)).toBe(0.75);
    expect(utilisation(10, 0)).toBeNull();
  });
});
