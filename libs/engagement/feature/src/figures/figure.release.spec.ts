import { FigureTable, type FigureRow } from './figure.release';

const INSTITUTION = 'a0000000-0000-4000-8000-000000000001';
const OTHER = 'b0000000-0000-4000-8000-000000000002';

/** `members` members of one stage at one institution, each logging `minutesEach` minutes. */
function rows(stage: FigureRow['stage'], members: number, minutesEach: number, institution = INSTITUTION) {
  return [
    { figure: 'MEMBERS_LOGGING_TIME', key: '0', institution, stage, value: members, contributors: members },
    {
      figure: 'MINUTES_LOGGED',
      key: '0',
      institution,
      stage,
      value: members * minutesEach,
      contributors: members,
    },
  ] satisfies FigureRow[];
}

function release(table: FigureTable) {
  const [count, minutes] = table.release('0', ['MEMBERS_LOGGING_TIME', 'MINUTES_LOGGED']);
  return { count, minutes };
}

describe('figures split by career stage', () => {
  it('splits a sum of minutes by career stage, each stage published only with enough contributors', () => {
    const table = new FigureTable(
      [...rows('RESIDENT', 6, 60), ...rows('CONSULTANT', 7, 30), ...rows('ACADEMIC', 8, 10)],
      INSTITUTION,
      5,
    );
    const { minutes } = release(table);
    expect(minutes.value).toBe(6 * 60 + 7 * 30 + 8 * 10);
    expect(minutes.byCareerStage).toMatchObject({ resident: 360, consultant: 210, academic: 80, other: 0 });
  });

  it("hides a sum whose stage has few contributors, and a second one so the total does not give it back, as the head count's line does", () => {
    const table = new FigureTable(
      [...rows('RESIDENT', 6, 60), ...rows('CONSULTANT', 7, 30), ...rows('ACADEMIC', 2, 500)],
      INSTITUTION,
      5,
    );
    const { count, minutes } = release(table);
    expect(minutes.value).toBe(360 + 210 + 1000);
    expect(minutes.byCareerStage?.academic).toBeNull();
    // secondary suppression: the first published non-zero stage in order is hidden too
    const hidden = Object.entries(minutes.byCareerStage ?? {}).filter(([, value]) => value === null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // the same cells as the head count's line, so neither line helps to undo the other
    const hiddenCounts = Object.entries(count.byCareerStage ?? {}).filter(([, value]) => value === null);
    expect(hidden.map(([stage]) => stage)).toEqual(hiddenCounts.map(([stage]) => stage));
  });

  it("a lead's line counts only their institution's members", () => {
    const table = new FigureTable(
      [...rows('RESIDENT', 6, 60), ...rows('RESIDENT', 9, 1000, OTHER), ...rows('CONSULTANT', 0, 0)],
      INSTITUTION,
      5,
    );
    expect(release(table).minutes.byCareerStage).toMatchObject({ resident: 360, consultant: 0 });
  });

  it('hides the whole line when the scope has few contributors', () => {
    const table = new FigureTable([...rows('RESIDENT', 3, 60)], INSTITUTION, 5);
    const { minutes } = release(table);
    expect(minutes.suppressed).toBe(true);
    expect(Object.values(minutes.byCareerStage ?? {}).every((value) => value === null)).toBe(true);
  });
});
