import { graphql } from '../../gql';

export const AdminCompetitionsDocument = graphql(`
  query AdminCompetitions($after: String) {
    competitions(first: 100, after: $after) {
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          title
          phase
          opensAt
          closesAt
          judgingEndsAt
        }
      }
    }
  }
`);

export const CreateCompetitionDocument = graphql(`
  mutation CreateCompetition($input: CreateCompetitionInput!) {
    createCompetition(input: $input) {
      id
    }
  }
`);

export const AdminCompetitionDocument = graphql(`
  query AdminCompetition($id: ID!) {
    competition(id: $id) {
      ...CompetitionFields
      nextPhases
      reviewsPerEntry
      judgeMaxLoad
    }
  }
`);

export const CompetitionJudgeFieldsFragment = graphql(`
  fragment CompetitionJudgeFields on CompetitionJudge {
    judge {
      id
      displayName
    }
    addedAt
  }
`);

/** A competition's judge pool, most recently added first: listed on its page and offered for manual assignment. */
export const CompetitionJudgesDocument = graphql(`
  query CompetitionJudges($competitionId: ID!, $after: String) {
    competitionJudges(competitionId: $competitionId, first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          ...CompetitionJudgeFields
        }
      }
    }
  }
`);

export const CompetitionRankingDocument = graphql(`
  query CompetitionRanking($id: ID!, $after: String) {
    competitionRanking(competitionId: $id) {
      published
      entries(first: 100, after: $after) {
        edges {
          node {
            rank
            proposalId
            title
            normalisedScore
            meanRawScore
            reviewCount
            isWinner
          }
        }
        pageInfo {
          ...PageFields
        }
      }
    }
  }
`);

export const OpenCompetitionDocument = graphql(`
  mutation AdminOpenCompetition($id: ID!) {
    openCompetition(id: $id) {
      id
      phase
      nextPhases
    }
  }
`);

export const StartJudgingDocument = graphql(`
  mutation AdminStartJudging($id: ID!) {
    startJudging(id: $id) {
      id
      phase
      nextPhases
    }
  }
`);

export const PublishResultsDocument = graphql(`
  mutation AdminPublishResults($id: ID!) {
    publishResults(competitionId: $id) {
      id
      phase
      nextPhases
      resultsPublishedAt
    }
  }
`);

export const CancelCompetitionDocument = graphql(`
  mutation AdminCancelCompetition($id: ID!) {
    cancelCompetition(id: $id) {
      id
      phase
      nextPhases
    }
  }
`);

export const AddJudgeDocument = graphql(`
  mutation AddJudge($competitionId: ID!, $memberId: ID!) {
    addJudge(competitionId: $competitionId, memberId: $memberId) {
      ...CompetitionJudgeFields
    }
  }
`);

export const AssignJudgesDocument = graphql(`
  mutation AssignJudges($competitionId: ID!) {
    assignJudges(competitionId: $competitionId) {
      minLoad
      maxLoad
      keptStarted
      assignments {
        proposalId
        judgeId
      }
    }
  }
`);

/** DRAFT or OPEN: any of the three dates; JUDGING: the end of judging only (the service refuses the others). */
export const UpdateCompetitionDatesDocument = graphql(`
  mutation AdminUpdateCompetitionDates($id: ID!, $input: CompetitionDatesInput!) {
    updateCompetitionDates(id: $id, input: $input) {
      id
      opensAt
      closesAt
      judgingEndsAt
      nextPhases
    }
  }
`);

/**
 * What was done in judging a competition, newest first, a page at a time (administrators only). `detail` is the
 * service's JSON: the page reads the few fields it knows (`activitySummary`) and never shows it as it is.
 */
export const JudgingActivityDocument = graphql(`
  query JudgingActivity($competitionId: ID!, $after: String) {
    judgingAuditLog(competitionId: $competitionId, first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          action
          actorId
          proposalId
          judgeId
          detail
          at
        }
      }
    }
  }
`);
