import { graphql } from '../../gql';

export const AssignmentFieldsFragment = graphql(`
  fragment AssignmentFields on JudgeAssignment {
    proposalId
    competitionId
    competitionTitle
    blind
    version
    title
    summary
    aims
    methods
    expectedImpact
    keywords
    requestedFundingMoney {
      amountMinor
      currency
    }
    requestedHours
    team {
      id
      displayName
    }
    review {
      scores {
        criterionId
        value
      }
      comment
      updatedAt
    }
  }
`);

export const MyAssignmentsDocument = graphql(`
  query MyAssignments($after: String) {
    myAssignments(first: 100, after: $after) {
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          proposalId
          competitionId
          competitionTitle
          title
          review {
            updatedAt
          }
        }
      }
    }
  }
`);

export const AssignedProposalDocument = graphql(`
  query AssignedProposal($proposalId: ID!) {
    assignedProposal(proposalId: $proposalId) {
      ...AssignmentFields
    }
  }
`);

export const SubmitScoresDocument = graphql(`
  mutation SubmitScores($input: SubmitScoresInput!) {
    submitScores(input: $input) {
      ...AssignmentFields
    }
  }
`);

export const DeclareConflictDocument = graphql(`
  mutation DeclareConflict($proposalId: ID!, $reason: String!) {
    declareConflict(proposalId: $proposalId, reason: $reason) {
      id
    }
  }
`);
