import { commonMessages } from '../../lib/messages';
import type { CareerStage, CompetitionPhase } from '../../gql/graphql';

/** Competitions as applicants see them. */
export const competitionMessages = {
  nav: 'Open competitions',
  title: 'Research competitions',
  intro: 'Competitions open for proposals, with their dates, how entries are scored and who may enter.',
  none: 'No competition is open at the moment.',
  more: 'Show more competitions',
  view: (title: string) => `Read about ${title}`,
  opens: 'Opens',
  closes: 'Closes for proposals',
  judgingEnds: 'Judging ends',
  resultsPublished: 'Results published',
  funding: 'Funding available',
  hours: 'Protected research hours available',
  winners: (count: number) => `${count} winning ${count === 1 ? 'project' : 'projects'}`,
  blind: 'Blind judging: judges do not see who wrote a proposal.',
  rubric: 'How proposals are scored',
  criterion: 'Criterion',
  weight: 'Weight',
  scale: 'Scale',
  guidance: 'What judges look for',
  scaleRange: (min: number, max: number) => `${min} to ${max}`,
  eligibility: 'Who may enter',
  start: 'Start a proposal',
  notFound: 'There is no such competition.',
  phases: {
    DRAFT: 'Draft',
    OPEN: 'Open for proposals',
    JUDGING: 'Judging',
    RESULTS_PUBLISHED: 'Results published',
    CANCELLED: 'Cancelled',
  } satisfies Record<CompetitionPhase, string>,
  rules: {
    teamSize: (max: number) =>
      `A team has at most ${max} ${max === 1 ? 'member' : 'members'}, the lead applicant included.`,
    interInstitutional:
      'The team must come from at least two different institutions: invite someone from another institution.',
    anyInstitution: 'Team members may come from any institution, including the same one.',
    stages: (stages: readonly CareerStage[]) =>
      `Every team member must be a ${stages.map((stage) => commonMessages.careerStages[stage].toLowerCase()).join(', or ')}.`,
    anyStage: 'Every career stage may enter.',
    acceptedOnly: 'Only people who have accepted their invitation count as team members.',
  },
} as const;
