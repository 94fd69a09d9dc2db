/**
 * UK widening-participation questions, each optional with "prefer not to say". The answers are as sensitive as
 * demographics: they are stored for the applicant alone, and selection sees only the single flag this module
 * derives from them, never the answers.
 */
export const WIDENING_PARTICIPATION_QUESTIONS = [
  'firstGenerationHigherEducation',
  'freeSchoolMeals',
  'careExperience',
  'minoritisedEthnicGroup',
  'disability',
] as const;
export type WideningParticipationQuestion = (typeof WIDENING_PARTICIPATION_QUESTIONS)[number];

export const WIDENING_PARTICIPATION_ANSWERS = ['YES', 'NO', 'PREFER_NOT_TO_SAY'] as const;
export type WideningParticipationAnswer = (typeof WIDENING_PARTICIPATION_ANSWERS)[number];

/** Unanswered questions are simply absent (or null). */
export type WideningParticipationAnswers = Partial<
  Readonly<Record<WideningParticipationQuestion, WideningParticipationAnswer | null>>
>;

/**
 * An applicant is prioritised when they answer YES to at least one question. "Prefer not to say" and no answer
 * never count for or against anyone: declining to disclose must not cost a place, and guessing is not allowed.
 * Only the boolean leaves this function, so the service can store the flag beside the application and keep the
 * answers where only the applicant reads them.
 */
export function wideningParticipationPriority(
  answers: WideningParticipationAnswers | null | undefined,
): boolean {
  if (answers === null || answers === undefined) return false;
  return WIDENING_PARTICIPATION_QUESTIONS.some((question) => answers[question] === 'YES');
}

/** Field problems in submitted answers (unknown questions or values), for the application form. */
export function wideningParticipationProblems(
  answers: Readonly<Record<string, unknown>>,
): { field: string; message: string }[] {
  return Object.entries(answers).flatMap(([question, answer]) => {
    const field = `wideningParticipation.${question}`;
    if (!(WIDENING_PARTICIPATION_QUESTIONS as readonly string[]).includes(question)) {
      return [{ field, message: 'is not a widening-participation question' }];
    }
    if (answer !== null && !(WIDENING_PARTICIPATION_ANSWERS as readonly unknown[]).includes(answer)) {
      return [{ field, message: `must be one of ${WIDENING_PARTICIPATION_ANSWERS.join(', ')} or empty` }];
    }
    return [];
  });
}
