import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  type GraphQLSchema,
} from 'graphql';
import { SUPERGRAPH_FILE } from './supergraph';

/**
 * docs/graphql-conventions.md: every list that can grow is a Relay connection. A plain list in the supergraph
 * is allowed only when it is named here with the reason it stays bounded (or, for the few that grow and are
 * still to be moved, says so). A new plain list fails this test until it is a connection or is listed.
 */
const VALUES = 'values of one record, written with it through validated input';
const FIXED =
  'one per value of a closed set (an enum, a metric, a step) or per bucket of a period capped by MAX_BUCKETS';
const ONE_MUTATION = 'the result of one mutation, bounded by its input';
const TEAM = 'the team of one record, capped where it is written';
const GROWS = 'grows: still to be moved to a connection (docs/graphql-conventions.md lists it)';

export const PLAIN_LISTS: Readonly<Record<string, string>> = {
  'ActionPlan.objectives': VALUES,
  'ActionPlan.actions': VALUES,
  'AssignmentRun.assignments': ONE_MUTATION,
  'AttendanceRecorded.recorded': ONE_MUTATION,
  'AttendanceRecorded.alreadyRecorded': ONE_MUTATION,
  'AttendanceSummary.sessions': "one per session of one programme (the programme's sessions are its input)",
  'AttendanceSummary.histogram': 'one per number of sessions of one programme',
  'Award.team': TEAM,
  'Award.budgetLines': VALUES,
  'Award.availableActions': FIXED,
  'Award.transitions': "one per status change; the award's state machine ends in a final state",
  'Award.protectedTime': GROWS,
  'Award.reports': 'scheduled at activation, one per reporting date of the award period',
  'Award.outputs': GROWS,
  'AwardBudget.lines': "one per budget line of one award (the award's input)",
  'Certificate.sessionsAttended': 'one per session of one programme',
  'CoachingWorkshop.eligibleStages': FIXED,
  'CoachingWorkshop.enrolments':
    'at most WORKSHOP_CAPACITY.max + WORKSHOP_WAITLIST.max, refused where written',
  'Community.interests': VALUES,
  'Community.moderators': VALUES,
  'CommunityMember.interests': VALUES,
  'Competition.nextPhases': FIXED,
  'Competition.criteria': VALUES,
  'Competition.tags': VALUES,
  'EffortStatement.byActivity': FIXED,
  'EligibilityRules.allowedCareerStages': FIXED,
  'EngagementFunding.buckets': FIXED,
  'EngagementFunding.atRisk': GROWS,
  'EngagementFunnel.buckets': FIXED,
  'EngagementOverview.figures': FIXED,
  'EngagementOverview.rates': FIXED,
  'EngagementOverview.collaboration': GROWS,
  'EngagementProgrammes.buckets': FIXED,
  'EngagementProgrammes.programmes': GROWS,
  'FundingBucket.figures': FIXED,
  'FundingBucket.rates': FIXED,
  'FundingBucket.money': GROWS,
  'FunnelBucket.steps': FIXED,
  'FunnelBucket.groups': FIXED,
  'FunnelBucket.network': FIXED,
  'FunnelGroup.steps': FIXED,
  'GiveFeedbackResult.suggestions': 'ranked suggestions, limited like mentorSuggestions(first)',
  'HandAssignmentCheck.refusals': 'one per rule of a hand assignment (HandAssignmentRule), at most four',
  'HandAssignmentRefusal.conflictKinds': FIXED,
  'JudgeAssignment.keywords': VALUES,
  'JudgeAssignment.team': TEAM,
  'JudgeReview.scores': 'one per criterion of the competition',
  'MastermindGroup.members': 'at most 10 people a group, refused where written',
  'MastermindGroup.stageMix': FIXED,
  'MastermindGroup.tags': VALUES,
  'MastermindGroup.openNextSteps':
    'at most MAX_OPEN_NEXT_STEPS_PER_MEMBER per member of a group of at most 10',
  'MastermindSession.attendees': 'members of one group (at most 10)',
  'MastermindSession.resources': VALUES,
  'MastermindSession.referrals': VALUES,
  'MastermindSession.nextSteps': VALUES,
  'MastermindSession.carriedOver': 'open next steps of one group (see openNextSteps)',
  'MatchProposal.reasons': FIXED,
  'MatchRun.proposals': ONE_MUTATION,
  'MatchRun.unmatched': ONE_MUTATION,
  'Member.interests': VALUES,
  'Member.roles': 'one grant per role and institution of one member',
  'Member.institutionChanges': GROWS,
  'Member.careerStageChanges': GROWS,
  'InstitutionUtilisation.weeks': 'one per ISO week of a range of at most two years',
  'MemberUtilisation.weeks': 'one per ISO week of a range of at most two years',
  'MemberUtilisation.months': 'one per month of a range of at most two years',
  'MenteeProfile.goals': VALUES,
  'MenteeProfile.interests': VALUES,
  'MenteeProfile.preferredMentorStages': FIXED,
  'MentoringAgreement.goals': VALUES,
  'MentorProfile.expertise': VALUES,
  'MentorProfile.interests': VALUES,
  'MentorProfile.menteeStages': FIXED,
  'MentorProfile.formats': FIXED,
  'MentorshipOverview.ratings': GROWS,
  'MentorSuggestion.reasons': FIXED,
  'MetricBucket.figures': FIXED,
  'MetricBucket.rates': FIXED,
  'Mutation.logTimeWeek': ONE_MUTATION,
  'Programme.audience': FIXED,
  'Programme.sessions': VALUES,
  'Programme.reflectionQuestions': VALUES,
  'Programme.interests': VALUES,
  'Programme.speakerDiversity': FIXED,
  'Programme.myAttendance': 'one per session of one programme',
  'ProgrammeMetrics.figures': FIXED,
  'ProgrammeMetrics.rates': FIXED,
  'ProgrammeMetrics.sessions': 'one per session of one programme',
  'ProgrammeSession.speakers': VALUES,
  'Proposal.keywords': VALUES,
  'Proposal.team': TEAM,
  'Proposal.feedback': 'one per review of one entry (the judges assigned to it)',
  'Query.competitionFundingOutcomes': "one per winner of one competition's results",
  'Query.effortStatements': 'one per six-month period of one award',
  'Query.mentorSuggestions': 'ranked suggestions limited by first',
  'Query.myTimeLogs':
    "the caller's own entries of at most 31 days (24 h a day in quarter hours at the very most)",
  'Reflection.answers': "one per question of the programme's reflection",
  'RelationshipStats.ratings': GROWS,
  'ReviewFeedback.scores': 'one per criterion of the competition',
  'SpeakerDiversityField.groups': FIXED,
  'SupervisionProposal.reasons': FIXED,
  'TaggedCompetition.tags': VALUES,
  'TaggedCompetition.matchedInterests': "the community's interests among the listing's tags",
  'TaggedMastermindGroup.tags': VALUES,
  'TaggedMastermindGroup.matchedInterests': "the community's interests among the listing's tags",
};

/** `Type.field` of every output field whose type is a list, except a connection's `edges`. */
export function plainListFields(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      if (type.name.endsWith('Connection') && field.name === 'edges') continue;
      if (type.name === 'Query' && field.name === '_entities') continue;
      found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

describe('schema conventions: lists', () => {
  const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH_FILE, 'utf8')), { assumeValidSDL: true });

  it('has no plain list that is neither a connection nor listed with the reason it stays plain', () => {
    const unlisted = plainListFields(schema).filter((field) => !(field in PLAIN_LISTS));
    expect(unlisted).toEqual([]);
  });

  it('lists only fields that are still plain lists (a list moved to a connection leaves the list)', () => {
    const plain = new Set(plainListFields(schema));
    expect(Object.keys(PLAIN_LISTS).filter((field) => !plain.has(field))).toEqual([]);
  });

  it('finds a new plain list', () => {
    const added = buildASTSchema(
      parse(
        'type Query { things: [String!]! pages: ThingConnection! } type ThingConnection { edges: [String!]! }',
      ),
    );
    expect(plainListFields(added)).toEqual(['Query.things']);
  });
});
