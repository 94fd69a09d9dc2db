import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';
import { describeProblems, ValidationProblem } from './validation-problem';

export interface RubricCriterion {
  /** Stable key that score sheets refer to; survives renaming the criterion. */
  readonly id: string;
  readonly name: string;
  /** Relative importance; only ratios between weights matter. */
  readonly weight: number;
  /** Lowest score a judge can give (integer). */
  readonly scaleMin: number;
  /** Highest score a judge can give (integer). */
  readonly scaleMax: number;
}

export interface Rubric {
  readonly criteria: readonly RubricCriterion[];
}

function label(criterion: Partial<RubricCriterion>, index: number): string {
  const name =
    typeof criterion.name === 'string' && criterion.name.trim() !== '' ? ` ("${criterion.name.trim()}")` : '';
  return `Criterion ${index + 1}${name}`;
}

/** Returns every problem at once; an empty array means the rubric is usable for scoring. */
export function validateRubric(rubric: Rubric): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (rubric.criteria.length === 0) {
    problems.push({
      field: 'criteria',
      rule: 'NOT_EMPTY',
      message: 'The rubric must have at least one criterion.',
    });
  }
  const seenIds = new Map<string, number>();
  const seenNames = new Map<string, number>();
  rubric.criteria.forEach((criterion, index) => {
    const path = `criteria[${index}]`;
    const who = label(criterion, index);
    if (typeof criterion.id !== 'string' || criterion.id.trim() === '') {
      problems.push({ field: `${path}.id`, rule: 'NOT_EMPTY', message: `${who}: id must not be empty.` });
    } else if (seenIds.has(criterion.id)) {
      problems.push({
        field: `${path}.id`,
        rule: 'UNIQUE',
        message: `${who}: id "${criterion.id}" is already used by criterion ${(seenIds.get(criterion.id) ?? 0) + 1}.`,
      });
    } else {
      seenIds.set(criterion.id, index);
    }
    const name = typeof criterion.name === 'string' ? criterion.name.trim() : '';
    if (name === '') {
      problems.push({ field: `${path}.name`, rule: 'NOT_EMPTY', message: `${who}: name must not be empty.` });
    } else {
      // Judges see names, not ids: two criteria with the same name would be indistinguishable on a score sheet.
      const key = name.toLowerCase();
      if (seenNames.has(key)) {
        problems.push({
          field: `${path}.name`,
          rule: 'UNIQUE',
          message: `${who}: name "${name}" is already used by criterion ${(seenNames.get(key) ?? 0) + 1}.`,
        });
      } else {
        seenNames.set(key, index);
      }
    }
    if (!(Number.isFinite(criterion.weight) && criterion.weight > 0)) {
      problems.push({
        field: `${path}.weight`,
        rule: 'POSITIVE',
        message: `${who}: weight must be a number greater than 0 (got ${String(criterion.weight)}).`,
      });
    }
    const minOk = Number.isInteger(criterion.scaleMin);
    const maxOk = Number.isInteger(criterion.scaleMax);
    if (!minOk) {
      problems.push({
        field: `${path}.scaleMin`,
        rule: 'INTEGER',
        message: `${who}: scaleMin must be a whole number (got ${String(criterion.scaleMin)}).`,
      });
    }
    if (!maxOk) {
      problems.push({
        field: `${path}.scaleMax`,
        rule: 'INTEGER',
        message: `${who}: scaleMax must be a whole number (got ${String(criterion.scaleMax)}).`,
      });
    }
    if (minOk && maxOk && !(criterion.scaleMin < criterion.scaleMax)) {
      problems.push({
        field: `${path}.scaleMax`,
        rule: 'GREATER_THAN_SCALE_MIN',
        message: `${who}: scaleMax (${criterion.scaleMax}) must be greater than scaleMin (${criterion.scaleMin}).`,
      });
    }
  });
  return problems;
}

export function assertValidRubric(rubric: Rubric): void {
  const problems = validateRubric(rubric);
  if (problems.length > 0) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.INVALID_RUBRIC,
      `The rubric is invalid: ${describeProblems(problems)}`,
      { problems },
    );
  }
}
