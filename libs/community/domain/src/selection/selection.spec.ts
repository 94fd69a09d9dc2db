import { CommunityErrorCode } from '../community.exception';
import { refusalOf } from '../testing/refusal';
import { SeededLottery } from './seeded-lottery';
import { selectApplicants, type SelectionApplicant } from './selection';

const applicant = (id: string, minute: number, priority = false): SelectionApplicant => ({
  applicationId: id,
  appliedAt: new Date(Date.UTC(2026, 0, 10, 9, minute)),
  priority,
});

describe('seeded lottery', () => {
  it('is xoshiro128**: the reference outputs for state (1, 2, 3, 4)', () => {
    // First ten outputs of the authors' reference C implementation seeded with s = {1, 2, 3, 4}.
    const lottery = SeededLottery.fromState([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => lottery.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('gives the same order for the same seed, forever (golden vector)', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    expect(new SeededLottery('masterclass-2026').shuffle(items)).toEqual([
      'e',
      'd',
      'g',
      'j',
      'c',
      'b',
      'f',
      'a',
      'i',
      'h',
    ]);
    expect(new SeededLottery('masterclass-2026').shuffle(items)).toEqual(
      new SeededLottery('masterclass-2026').shuffle(items),
    );
    expect(new SeededLottery('masterclass-2027').shuffle(items)).not.toEqual(
      new SeededLottery('masterclass-2026').shuffle(items),
    );
  });

  it('draws every permutation of four about equally often over many seeds', () => {
    const counts = new Map<string, number>();
    const draws = 24_000;
    for (let seed = 0; seed < draws; seed += 1) {
      const key = new SeededLottery(`seed-${seed}`).shuffle([1, 2, 3, 4]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    const expected = draws / 24;
    const chiSquare = [...counts.values()].reduce(
      (sum, count) => sum + (count - expected) ** 2 / expected,
      0,
    );
    // 23 degrees of freedom: the 99.9th percentile is 49.7. A biased shuffle (e.g. j drawn from 0..n-1) fails by far.
    expect(chiSquare).toBeLessThan(49.7);
  });

  it('draws bounded integers without modulo bias at awkward bounds', () => {
    const lottery = new SeededLottery('bounds');
    const bound = 3;
    const counts = [0, 0, 0];
    for (let draw = 0; draw < 30_000; draw += 1) counts[lottery.nextBelow(bound)] += 1;
    counts.forEach((count) => expect(Math.abs(count - 10_000)).toBeLessThan(400));
    expect(() => lottery.nextBelow(0)).toThrow(RangeError);
  });
});

describe('selection policies', () => {
  it('FIRST_COME takes applicants by application time, ties by id, the rest waitlisted in that order', () => {
    const result = selectApplicants(
      [applicant('c', 3), applicant('b', 1), applicant('a', 1), applicant('d', 0, true)],
      2,
      'FIRST_COME',
    );
    expect(result).toEqual({
      policy: 'FIRST_COME',
      seed: null,
      selected: ['d', 'a'],
      waitlisted: ['b', 'c'],
    });
  });

  it('PRIORITY_THEN_LOTTERY puts every flagged applicant before anyone else', () => {
    const applicants = Array.from({ length: 40 }, (_, index) =>
      applicant(`app-${index}`, index, index % 5 === 0),
    );
    const result = selectApplicants(applicants, 12, 'PRIORITY_THEN_LOTTERY', 'seed-1');
    const flagged = new Set(applicants.filter((a) => a.priority).map((a) => a.applicationId));
    expect(result.selected.slice(0, 8).every((id) => flagged.has(id))).toBe(true);
    expect(result.selected.slice(8).some((id) => flagged.has(id))).toBe(false);
    expect(result.waitlisted.some((id) => flagged.has(id))).toBe(false);
    expect(result.selected.length + result.waitlisted.length).toBe(40);
    expect(new Set([...result.selected, ...result.waitlisted]).size).toBe(40);
  });

  it('orders the flagged group by lottery too when they outnumber the places, and waitlists the rest of them first', () => {
    const applicants = Array.from({ length: 10 }, (_, index) => applicant(`app-${index}`, index, index < 6));
    const result = selectApplicants(applicants, 4, 'PRIORITY_THEN_LOTTERY', 'x');
    const flagged = new Set(applicants.filter((a) => a.priority).map((a) => a.applicationId));
    expect(result.selected.every((id) => flagged.has(id))).toBe(true);
    expect(result.waitlisted.slice(0, 2).every((id) => flagged.has(id))).toBe(true);
  });

  it('is reproducible: same seed and applicants give the same result whatever order they arrive in', () => {
    const applicants = Array.from({ length: 300 }, (_, index) =>
      applicant(`app-${index}`, index % 60, index % 7 === 0),
    );
    const first = selectApplicants(applicants, 50, 'PRIORITY_THEN_LOTTERY', ' 2026 cohort ');
    const shuffledInput = new SeededLottery('input order').shuffle(applicants);
    expect(selectApplicants(shuffledInput, 50, 'PRIORITY_THEN_LOTTERY', '2026 cohort')).toEqual(first);
    expect(first.seed).toBe('2026 cohort');
    expect(selectApplicants(applicants, 50, 'PRIORITY_THEN_LOTTERY', 'another seed').selected).not.toEqual(
      first.selected,
    );
  });

  it('does not favour early or late applicants within a group under the lottery', () => {
    const applicants = Array.from({ length: 100 }, (_, index) =>
      applicant(`app-${String(index).padStart(3, '0')}`, index),
    );
    let earlyHalfSelected = 0;
    for (let seed = 0; seed < 200; seed += 1) {
      const { selected } = selectApplicants(applicants, 10, 'PRIORITY_THEN_LOTTERY', `s${seed}`);
      earlyHalfSelected += selected.filter((id) => Number(id.slice(4)) < 50).length;
    }
    // 2,000 places drawn; a fair lottery gives the early half about 1,000 (sd ≈ 21).
    expect(Math.abs(earlyHalfSelected - 1000)).toBeLessThan(110);
  });

  it('handles 5,000 applicants for 250 places', () => {
    const applicants = Array.from({ length: 5000 }, (_, index) =>
      applicant(`a${index}`, index % 600, index % 4 === 0),
    );
    const result = selectApplicants(applicants, 250, 'PRIORITY_THEN_LOTTERY', 'bench');
    expect(result.selected).toHaveLength(250);
    expect(result.waitlisted).toHaveLength(4750);
  });

  it('gives everyone a place when there are more places than applicants', () => {
    expect(selectApplicants([applicant('a', 1)], 10, 'FIRST_COME')).toMatchObject({
      selected: ['a'],
      waitlisted: [],
    });
  });

  it('refuses a lottery without a seed, duplicate applicants and bad places, each with its field', () => {
    const error = refusalOf(() =>
      selectApplicants([applicant('a', 1), applicant('a', 2)], -1, 'PRIORITY_THEN_LOTTERY', '  '),
    );
    expect(error.code).toBe(CommunityErrorCode.INVALID_INPUT);
    expect((error.details.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'places',
      'seed',
      'applicants[1].applicationId',
    ]);
    expect(refusalOf(() => selectApplicants([], 1, 'RANDOM' as never)).message).toMatch(
      /policy: must be one of/,
    );
  });
});
