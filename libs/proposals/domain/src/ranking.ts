import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';
import { assertValidRubric, Rubric, RubricCriterion } from './rubric';
import { ValidationProblem } from './validation-problem';

export interface CriterionScore {
  readonly criterionId: string;
  readonly value: number;
}

export interface ScoreSheet {
  readonly scores: readonly CriterionScore[];
}

export interface ScoreSheetProblem extends ValidationProblem {
  /** The error code this problem maps to on its own. */
  readonly rule: ScoreSheetRule;
  readonly criterionId: string;
}

export type ScoreSheetRule =
  | ProposalsErrorCode.MISSING_CRITERION_SCORE
  | ProposalsErrorCode.SCORE_OUT_OF_RANGE
  | ProposalsErrorCode.SCORE_NOT_INTEGER
  | ProposalsErrorCode.UNKNOWN_CRITERION
  | ProposalsErrorCode.DUPLICATE_CRITERION_SCORE;

/** Scores within this distance are treated as equal when ranking; totals are averages of small fractions. */
const SCORE_EPSILON = 1e-9;

/** Every problem with a judge's sheet: one integer score in [min, max] per criterion, nothing else. */
export function validateScoreSheet(rubric: Rubric, sheet: ScoreSheet): ScoreSheetProblem[] {
  const problems: ScoreSheetProblem[] = [];
  const criteria = new Map(rubric.criteria.map((criterion) => [criterion.id, criterion]));
  const scored = new Set<string>();
  sheet.scores.forEach((score, index) => {
    const field = `scores[${index}]`;
    const criterion = criteria.get(score.criterionId);
    if (criterion === undefined) {
      problems.push({
        field: `${field}.criterionId`,
        rule: ProposalsErrorCode.UNKNOWN_CRITERION,
        criterionId: score.criterionId,
        message: `scores[${index}].criterionId "${score.criterionId}" is not a criterion of this competition's rubric.`,
      });
      return;
    }
    if (scored.has(criterion.id)) {
      problems.push({
        field: `${field}.criterionId`,
        rule: ProposalsErrorCode.DUPLICATE_CRITERION_SCORE,
        criterionId: criterion.id,
        message: `"${criterion.name}" is scored more than once; give exactly one score per criterion.`,
      });
      return;
    }
    scored.add(criterion.id);
    const range = `from ${criterion.scaleMin} to ${criterion.scaleMax}`;
    if (!Number.isInteger(score.value)) {
      problems.push({
        field: `${field}.value`,
        rule: ProposalsErrorCode.SCORE_NOT_INTEGER,
        criterionId: criterion.id,
        message: `The score for "${criterion.name}" must be a whole number ${range} (got ${String(score.value)}).`,
      });
    } else if (score.value < criterion.scaleMin || score.value > criterion.scaleMax) {
      problems.push({
        field: `${field}.value`,
        rule: ProposalsErrorCode.SCORE_OUT_OF_RANGE,
        criterionId: criterion.id,
        message: `The score for "${criterion.name}" must be ${range} (got ${score.value}).`,
      });
    }
  });
  for (const criterion of rubric.criteria) {
    if (!scored.has(criterion.id)) {
      problems.push({
        field: 'scores',
        rule: ProposalsErrorCode.MISSING_CRITERION_SCORE,
        criterionId: criterion.id,
        message: `"${criterion.name}" has no score; every criterion must be scored.`,
      });
    }
  }
  return problems;
}

/**
 * Throws when the sheet is invalid. A single kind of problem keeps its own code (e.g. SCORE_OUT_OF_RANGE) so
 * clients can react precisely; a mix is INVALID_SCORE_SHEET. Either way `details.problems` lists them all.
 */
export function assertValidScoreSheet(rubric: Rubric, sheet: ScoreSheet): void {
  const problems = validateScoreSheet(rubric, sheet);
  if (problems.length === 0) {
    return;
  }
  const codes = new Set(problems.map((problem) => problem.rule));
  const code = codes.size === 1 ? problems[0].rule : ProposalsErrorCode.INVALID_SCORE_SHEET;
  throw new ProposalsDomainError(
    code,
    `The score sheet is invalid: ${problems.map((problem) => problem.message).join(' ')}`,
    { problems },
  );
}

function normalisedValue(criterion: RubricCriterion, value: number): number {
  return (value - criterion.scaleMin) / (criterion.scaleMax - criterion.scaleMin);
}

/**
 * The review's total on a 0–100 scale: Σ weight·(value − min)/(max − min) / Σ weight × 100. Rescaling each
 * criterion first means a 1–5 criterion and a 0–10 criterion count only by their weights.
 */
export function weightedTotal(rubric: Rubric, sheet: ScoreSheet): number {
  assertValidScoreSheet(rubric, sheet);
  const values = new Map(sheet.scores.map((score) => [score.criterionId, score.value]));
  let weighted = 0;
  let weights = 0;
  for (const criterion of rubric.criteria) {
    weighted += criterion.weight * normalisedValue(criterion, values.get(criterion.id) as number);
    weights += criterion.weight;
  }
  return (weighted / weights) * 100;
}

export interface RankingEntry {
  readonly entryId: string;
  readonly submittedAt: Date;
}

export interface SubmittedReview {
  readonly entryId: string;
  readonly judgeId: string;
  readonly scores: readonly CriterionScore[];
}

export interface RankingInput {
  readonly rubric: Rubric;
  readonly entries: readonly RankingEntry[];
  /** Completed reviews only. */
  readonly reviews: readonly SubmittedReview[];
  readonly winnersCount: number;
}

export interface ScoredReview {
  readonly entryId: string;
  readonly judgeId: string;
  readonly rawTotal: number;
  /** The total as a z-score among the same judge's totals; 0 when the judge has one review or no spread. */
  readonly zScore: number;
}

export interface RankedEntry {
  /** 1-based and unique; full ties fall back to entry id so the order is reproducible. */
  readonly rank: number;
  readonly entryId: string;
  readonly submittedAt: Date;
  /** Mean z-score of the entry's reviews; null without reviews. */
  readonly normalisedScore: number | null;
  /** Mean weighted total (0–100); null without reviews. */
  readonly meanRawTotal: number | null;
  readonly reviewCount: number;
  readonly isWinner: boolean;
}

export interface RankingResult {
  readonly ranking: readonly RankedEntry[];
  /** Entry ids of the winners, best first. */
  readonly winners: readonly string[];
  readonly reviews: readonly ScoredReview[];
}

function validateRankingInput(input: RankingInput): void {
  const problems: ValidationProblem[] = [];
  if (!Number.isInteger(input.winnersCount) || input.winnersCount < 0) {
    problems.push({
      field: 'winnersCount',
      rule: 'NON_NEGATIVE_INTEGER',
      message: `winnersCount must be a whole number of at least 0 (got ${String(input.winnersCount)}).`,
    });
  }
  const entries = new Set<string>();
  input.entries.forEach((entry, index) => {
    if (entries.has(entry.entryId)) {
      problems.push({
        field: `entries[${index}].entryId`,
        rule: 'UNIQUE',
        message: `Entry "${entry.entryId}" is listed more than once.`,
      });
    }
    entries.add(entry.entryId);
    if (!(entry.submittedAt instanceof Date) || Number.isNaN(entry.submittedAt.getTime())) {
      problems.push({
        field: `entries[${index}].submittedAt`,
        rule: 'VALID_DATE',
        message: `Entry "${entry.entryId}": submittedAt must be a valid date.`,
      });
    }
  });
  const pairs = new Set<string>();
  input.reviews.forEach((review, index) => {
    if (!entries.has(review.entryId)) {
      problems.push({
        field: `reviews[${index}].entryId`,
        rule: 'KNOWN_ENTRY',
        message: `Review ${index + 1} is for entry "${review.entryId}", which is not in this competition.`,
      });
    }
    const key = JSON.stringify([review.entryId, review.judgeId]);
    if (pairs.has(key)) {
      problems.push({
        field: `reviews[${index}]`,
        rule: 'UNIQUE',
        message: `Judge "${review.judgeId}" has more than one review of entry "${review.entryId}".`,
      });
    }
    pairs.add(key);
    for (const problem of validateScoreSheet(input.rubric, review)) {
      problems.push({
        field: `reviews[${index}].${problem.field}`,
        rule: problem.rule,
        message: `Review ${index + 1} (judge "${review.judgeId}", entry "${review.entryId}"): ${problem.message}`,
      });
    }
  });
  if (problems.length > 0) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.INVALID_RANKING_INPUT,
      `Cannot rank the entries: ${problems.map((problem) => problem.message).join(' ')}`,
      { problems },
    );
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Ranks entries by mean z-score (each judge's totals standardised against that judge's own mean and population
 * standard deviation, so harsh and lenient judges weigh the same), then by mean raw total, then by earlier
 * submission. Entries without reviews come last, ordered by submission, and never win. Winners are the top
 * `winnersCount` reviewed entries.
 */
export function rankEntries(input: RankingInput): RankingResult {
  assertValidRubric(input.rubric);
  validateRankingInput(input);

  const totals = input.reviews.map((review) => weightedTotal(input.rubric, review));
  const byJudge = new Map<string, number[]>();
  input.reviews.forEach((review, index) => {
    const list = byJudge.get(review.judgeId) ?? [];
    list.push(index);
    byJudge.set(review.judgeId, list);
  });
  const zScores = new Array<number>(input.reviews.length).fill(0);
  for (const indices of byJudge.values()) {
    if (indices.length < 2) {
      continue;
    }
    const values = indices.map((index) => totals[index]);
    const average = mean(values);
    const deviation = Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
    if (deviation < SCORE_EPSILON) {
      continue;
    }
    indices.forEach((index) => {
      zScores[index] = (totals[index] - average) / deviation;
    });
  }

  const perEntry = new Map<string, { z: number[]; raw: number[] }>(
    input.entries.map((entry) => [entry.entryId, { z: [], raw: [] }]),
  );
  const reviews: ScoredReview[] = input.reviews.map((review, index) => {
    const bucket = perEntry.get(review.entryId) as { z: number[]; raw: number[] };
    bucket.z.push(zScores[index]);
    bucket.raw.push(totals[index]);
    return {
      entryId: review.entryId,
      judgeId: review.judgeId,
      rawTotal: totals[index],
      zScore: zScores[index],
    };
  });

  const rows = input.entries.map((entry) => {
    const bucket = perEntry.get(entry.entryId) as { z: number[]; raw: number[] };
    const reviewed = bucket.z.length > 0;
    return {
      entryId: entry.entryId,
      submittedAt: entry.submittedAt,
      normalisedScore: reviewed ? mean(bucket.z) : null,
      meanRawTotal: reviewed ? mean(bucket.raw) : null,
      reviewCount: bucket.z.length,
    };
  });
  const descending = (a: number | null, b: number | null): number => {
    if (a === null || b === null) {
      return a === b ? 0 : a === null ? 1 : -1;
    }
    return Math.abs(a - b) < SCORE_EPSILON ? 0 : b - a;
  };
  rows.sort(
    (a, b) =>
      descending(a.normalisedScore, b.normalisedScore) ||
      descending(a.meanRawTotal, b.meanRawTotal) ||
      a.submittedAt.getTime() - b.submittedAt.getTime() ||
      (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
  );
  const ranking: RankedEntry[] = rows.map((row, index) => ({
    rank: index + 1,
    ...row,
    isWinner: row.reviewCount > 0 && index < input.winnersCount,
  }));
  return {
    ranking,
    winners: ranking.filter((row) => row.isWinner).map((row) => row.entryId),
    reviews,
  };
}
