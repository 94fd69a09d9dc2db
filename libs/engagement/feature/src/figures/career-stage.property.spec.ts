import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import { seededRandom } from '@praxis/platform/testing';
import { releaseMoney } from '../funding/funding.resolver';
import type { MoneyRow } from '../funding/funding.query';
import { careerStageField } from './figure.objects';
import { careerStageLine, FigureTable, type FigureRow } from './figure.release';

/**
 * The property of issue 12 with the career-stage lines of sums included: generated populations (members of two
 * institutions at skewed career stages logging minutes, awards of two funds by PIs of those members) are
 * released as one answer's tables for a lead of one institution and for the whole network, and a reader who
 * holds all of one answer (the scope's figures and lines, the network's figures beside them) must not pin any
 * cell of fewer than `threshold` contributors. Seeded, so a failure names the seed that reproduces it.
 */

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';
const FUNDS = ['f0000000-0000-4000-8000-000000000001', 'f0000000-0000-4000-8000-000000000002'];

interface Member {
  institution: string;
  stage: CareerStage;
  minutes: number;
}
interface Award {
  pi: Member;
  fundId: string;
  amountMinor: number;
}

function population(seed: number): { members: Member[]; awards: Award[] } {
  const next = seededRandom(seed);
  // a few common stages and a tail of rare ones, so small cells are frequent
  const stage = (): CareerStage => {
    const roll = next();
    const index = roll < 0.5 ? 2 : roll < 0.75 ? 3 : Math.floor(next() * CAREER_STAGES.length);
    return CAREER_STAGES[index] as CareerStage;
  };
  const members: Member[] = Array.from({ length: Math.floor(next() * 30) }, () => ({
    institution: next() < 0.6 ? A : B,
    stage: stage(),
    minutes: next() < 0.4 ? 0 : 30 * (1 + Math.floor(next() * 20)),
  }));
  const awards: Award[] =
    members.length === 0
      ? []
      : Array.from({ length: Math.floor(next() * 40) }, () => ({
          pi: members[Math.floor(next() * members.length)] as Member,
          fundId: FUNDS[Math.floor(next() * FUNDS.length)] as string,
          amountMinor: 1 + Math.floor(next() * 100_000),
        }));
  return { members, awards };
}

function figureRows(members: readonly Member[]): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const institution of [A, B]) {
    for (const stage of CAREER_STAGES) {
      const logging = members.filter(
        (member) => member.institution === institution && member.stage === stage && member.minutes > 0,
      );
      if (logging.length === 0) continue;
      const minutes = logging.reduce((sum, member) => sum + member.minutes, 0);
      rows.push(
        {
          figure: 'MEMBERS_LOGGING_TIME',
          key: '0',
          institution,
          stage,
          value: logging.length,
          contributors: logging.length,
        },
        {
          figure: 'MINUTES_LOGGED',
          key: '0',
          institution,
          stage,
          value: minutes,
          contributors: logging.length,
        },
      );
    }
  }
  return rows;
}

function moneyRows(awards: readonly Award[]): MoneyRow[] {
  const rows = new Map<string, MoneyRow>();
  for (const award of awards) {
    const id = `${award.fundId}|${award.pi.institution}|${award.pi.stage}`;
    const row = rows.get(id) ?? {
      measure: 'AWARDED' as const,
      bucket: 0,
      institution: award.pi.institution,
      fundId: award.fundId,
      currency: 'GBP',
      stage: award.pi.stage,
      amountMinor: 0,
      awards: 0,
    };
    row.amountMinor += award.amountMinor;
    row.awards += 1;
    rows.set(id, row);
  }
  return [...rows.values()];
}

/** A released line as the reader sees it, with the truth beside it for the check. */
interface LineUnderAttack {
  name: string;
  /** the unsplit figure of the scope as published (null: suppressed) */
  total: number | null;
  published: ReadonlyArray<number | null>;
  values: readonly number[];
  contributors: readonly number[];
  /** a head count (cells are at least 1 unless zeros are hidden) or a sum (any value) */
  kind: 'count' | 'sum';
}

function cellsOf(line: Readonly<Record<string, number | null>> | null): Array<number | null> {
  return CAREER_STAGES.map((stage) => line?.[careerStageField(stage)] ?? null);
}

/** What a reader of one line learns about its small cells; empty when nothing below the threshold is pinned. */
function revealed(line: LineUnderAttack, threshold: number): string[] {
  const problems: string[] = [];
  const small = (index: number) => {
    const contributors = line.contributors[index] ?? 0;
    return contributors > 0 && contributors < threshold;
  };
  line.published.forEach((cell, index) => {
    if (cell !== null && small(index)) problems.push(`${line.name}: stage ${index} published with few`);
    if (cell !== null && cell !== line.values[index])
      problems.push(`${line.name}: stage ${index} published as ${cell}, not ${line.values[index]}`);
  });
  if (line.total === null) {
    if (line.published.some((cell) => cell !== null))
      problems.push(`${line.name}: a stage published beside a hidden total`);
    return problems;
  }
  // the line's total is the unsplit figure
  const sum = line.values.reduce((acc, value) => acc + value, 0);
  if (sum !== line.total) problems.push(`${line.name}: stages sum to ${sum}, the figure is ${line.total}`);
  const hidden = line.published.flatMap((cell, index) => (cell === null ? [index] : []));
  if (!hidden.some(small)) return problems;
  if (hidden.length === 1) {
    problems.push(`${line.name}: a small stage hidden alone is the total less the others`);
    return problems;
  }
  if (line.kind === 'count') {
    // every hidden cell is at least 1 unless a zero is hidden: all at that floor pins them all
    const floor = hidden.some((index) => (line.values[index] ?? 0) === 0) ? 0 : 1;
    const rest = line.total - line.published.reduce<number>((acc, cell) => acc + (cell ?? 0), 0);
    if (rest === hidden.length * floor) problems.push(`${line.name}: the hidden stages are all ${floor}`);
  }
  return problems;
}

function attack(seed: number, threshold: number, scope: string | null): string[] {
  const { members, awards } = population(seed);
  const problems: string[] = [];
  const table = new FigureTable(figureRows(members), scope, threshold);
  const [count, minutes] = table.release('0', ['MEMBERS_LOGGING_TIME', 'MINUTES_LOGGED']);
  const inScope = members.filter((member) => scope === null || member.institution === scope);
  const logging = inScope.filter((member) => member.minutes > 0);
  const ofStage = <T>(list: readonly T[], stageOf: (item: T) => CareerStage, stage: CareerStage) =>
    list.filter((item) => stageOf(item) === stage);
  const loggingBy = CAREER_STAGES.map((stage) => ofStage(logging, (member) => member.stage, stage));
  if (count && minutes) {
    const contributors = loggingBy.map((list) => list.length);
    problems.push(
      ...revealed(
        {
          name: 'members logging time',
          total: count.value,
          published: cellsOf(count.byCareerStage),
          values: contributors,
          contributors,
          kind: 'count',
        },
        threshold,
      ),
      ...revealed(
        {
          name: 'minutes logged',
          total: minutes.value,
          published: cellsOf(minutes.byCareerStage),
          values: loggingBy.map((list) => list.reduce((sum, member) => sum + member.minutes, 0)),
          contributors,
          kind: 'sum',
        },
        threshold,
      ),
    );
    // the sum hides the stages its head count hides, so neither line undoes the other
    const hiddenOf = (line: Array<number | null>) => line.map((cell) => cell === null).join();
    if (hiddenOf(cellsOf(count.byCareerStage)) !== hiddenOf(cellsOf(minutes.byCareerStage)))
      problems.push('minutes and members logging time hide different stages');
    // the network beside the scope: the rest of the network is never a small figure
    const rest = members.length === 0 ? 0 : members.filter((m) => m.minutes > 0).length - logging.length;
    if (scope !== null && count.value !== null && count.networkValue !== null && rest > 0 && rest < threshold)
      problems.push(`the network beside the scope gives the rest's ${rest} away`);
  }
  for (const money of releaseMoney(moneyRows(awards), scope, threshold)) {
    const own = awards.filter(
      (award) => award.fundId === money.fundId && (scope === null || award.pi.institution === scope),
    );
    const byStage = CAREER_STAGES.map((stage) => ofStage(own, (award) => award.pi.stage, stage));
    problems.push(
      ...revealed(
        {
          name: `money of fund ${money.fundId}`,
          total: money.amount?.amountMinor ?? null,
          published: cellsOf(money.byCareerStage),
          values: byStage.map((list) => list.reduce((sum, award) => sum + award.amountMinor, 0)),
          contributors: byStage.map((list) => list.length),
          kind: 'sum',
        },
        threshold,
      ),
    );
    const rest = awards.filter((award) => award.fundId === money.fundId).length - own.length;
    if (scope !== null && !money.suppressed && !money.networkSuppressed && rest > 0 && rest < threshold)
      problems.push(`the network's money of fund ${money.fundId} gives the rest's ${rest} awards away`);
  }
  return problems.map(
    (problem) => `seed ${seed}, threshold ${threshold}, scope ${scope ?? 'network'}: ${problem}`,
  );
}

describe('career-stage lines of counts and sums (property over generated populations)', () => {
  for (const threshold of [3, 5]) {
    it(`lets no combination of one answer's tables pin a cell under ${threshold} (600 populations)`, () => {
      const problems: string[] = [];
      for (let seed = 1; seed <= 600; seed++) {
        problems.push(...attack(seed, threshold, A), ...attack(seed, threshold, null));
      }
      expect(problems).toEqual([]);
    });
  }

  it('generates lines that exercise suppression: stages hidden beside published ones', () => {
    let mixed = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const { awards } = population(seed);
      for (const money of releaseMoney(moneyRows(awards), A, 5)) {
        const cells = cellsOf(money.byCareerStage);
        if (cells.some((cell) => cell === null) && cells.some((cell) => cell !== null && cell > 0)) mixed++;
      }
    }
    expect(mixed).toBeGreaterThan(50);
  });

  it('publishes a line of counts whose every stage is large as it is', () => {
    const line = careerStageLine(
      [
        { stage: 'RESIDENT', value: 7, contributors: 7 },
        { stage: 'CONSULTANT', value: 5, contributors: 5 },
      ],
      5,
    );
    expect(line).toMatchObject({ resident: 7, consultant: 5, academic: 0, medicalStudent: 0 });
  });
});
