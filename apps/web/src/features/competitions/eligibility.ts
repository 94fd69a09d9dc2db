import type { CompetitionFieldsFragment } from '../../gql/graphql';
import { competitionMessages as t } from './messages';

type Rules = CompetitionFieldsFragment['eligibility'];

/** A competition's eligibility rules as sentences a person reads before starting. */
export function eligibilityInWords(rules: Rules): string[] {
  return [
    t.rules.teamSize(rules.maxTeamSize),
    rules.requiresInterInstitutionalTeam ? t.rules.interInstitutional : t.rules.anyInstitution,
    rules.allowedCareerStages.length > 0 ? t.rules.stages(rules.allowedCareerStages) : t.rules.anyStage,
    t.rules.acceptedOnly,
  ];
}

export interface TeamMemberFacts {
  displayName: string;
  institutionId: string;
  careerStage: string;
}

/**
 * What the server will refuse at submission, worked out from the accepted team so the applicant sees it first.
 * The server checks again and its answer is what counts.
 */
export function eligibilityProblems(rules: Rules, accepted: readonly TeamMemberFacts[]): string[] {
  const problems: string[] = [];
  if (accepted.length > rules.maxTeamSize) problems.push(t.rules.teamSize(rules.maxTeamSize));
  if (
    rules.requiresInterInstitutionalTeam &&
    new Set(accepted.map((member) => member.institutionId)).size < 2
  )
    problems.push(t.rules.interInstitutional);
  if (rules.allowedCareerStages.length > 0) {
    const allowed = new Set<string>(rules.allowedCareerStages);
    const outside = accepted.filter((member) => !allowed.has(member.careerStage));
    if (outside.length > 0)
      problems.push(
        `${t.rules.stages(rules.allowedCareerStages)} (${outside.map((member) => member.displayName).join(', ')})`,
      );
  }
  return problems;
}
