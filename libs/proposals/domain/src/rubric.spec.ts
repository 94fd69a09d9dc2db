import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';
import { assertValidRubric, validateRubric } from './rubric';

describe('validateRubric', () => {
  it('accepts a well-formed rubric', () => {
    expect(
      validateRubric({
        criteria: [
          { id: 'orig', name: 'Originality', weight: 2, scaleMin: 1, scaleMax: 5 },
          { id: 'feas', name: 'Feasibility', weight: 0.5, scaleMin: 0, scaleMax: 10 },
        ],
      }),
    ).toEqual([]);
  });

  it('reports every problem at once, naming the field and the rule', () => {
    const problems = validateRubric({
      criteria: [
        { id: 'orig', name: '  ', weight: 0, scaleMin: 1.5, scaleMax: 5 },
        { id: 'feas', name: 'Feasibility', weight: -1, scaleMin: 5, scaleMax: 5 },
        { id: 'feas', name: 'feasibility', weight: Number.NaN, scaleMin: 3, scaleMax: 1 },
      ],
    });
    expect(problems.map((p) => `${p.field}:${p.rule}`)).toEqual([
      'criteria[0].name:NOT_EMPTY',
      'criteria[0].weight:POSITIVE',
      'criteria[0].scaleMin:INTEGER',
      'criteria[1].weight:POSITIVE',
      'criteria[1].scaleMax:GREATER_THAN_SCALE_MIN',
      'criteria[2].id:UNIQUE',
      'criteria[2].name:UNIQUE',
      'criteria[2].weight:POSITIVE',
      'criteria[2].scaleMax:GREATER_THAN_SCALE_MIN',
    ]);
    expect(problems[1].message).toBe('Criterion 1: weight must be a number greater than 0 (got 0).');
    expect(problems[4].message).toBe(
      'Criterion 2 ("Feasibility"): scaleMax (5) must be greater than scaleMin (5).',
    );
  });

  it('requires at least one criterion', () => {
    expect(validateRubric({ criteria: [] })).toEqual([
      { field: 'criteria', rule: 'NOT_EMPTY', message: 'The rubric must have at least one criterion.' },
    ]);
  });

  it('throws INVALID_RUBRIC with the problems in details', () => {
    expect(() => assertValidRubric({ criteria: [] })).toThrow(
      expect.objectContaining({
        code: ProposalsErrorCode.INVALID_RUBRIC,
        details: { problems: expect.any(Array) },
      }),
    );
    expect(() => assertValidRubric({ criteria: [] })).toThrow(ProposalsDomainError);
  });
});
