/**
 * One broken rule on one field. Validators return every problem at once so a form can show them all in a
 * single round trip instead of making the user fix them one by one.
 */
export interface ValidationProblem {
  /** Path of the offending field, e.g. `closesAt` or `criteria[1].weight`. */
  readonly field: string;
  /** Machine-readable name of the rule, stable for clients. */
  readonly rule: string;
  /** Sentence for a person, naming the field and the rule. */
  readonly message: string;
}

export function describeProblems(problems: readonly ValidationProblem[]): string {
  return problems.map((problem) => problem.message).join(' ');
}
