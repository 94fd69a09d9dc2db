import { graphql } from '../../gql';

export const MyMastermindGroupsDocument = graphql(`
  query MyMastermindGroups($after: String) {
    myMastermindGroups(first: 100, after: $after) {
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          name
          size
          cadenceDays
          facilitator {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const NextStepFieldsFragment = graphql(`
  fragment NextStepFields on MastermindNextStep {
    id
    text
    setAt
    done
    doneAt
    member {
      id
      displayName
    }
  }
`);

export const MastermindGroupDocument = graphql(`
  query MastermindGroup($id: ID!, $after: String) {
    mastermindGroup(id: $id) {
      id
      name
      size
      cadenceDays
      distinctStages
      facilitator {
        id
        displayName
      }
      members {
        id
        displayName
      }
      stageMix {
        stage
        count
      }
      openNextSteps {
        ...NextStepFields
      }
    }
    mastermindSessions(groupId: $id, first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          heldAt
          resources
          referrals
          ratingCount
          averageRating
          myRating
          attendees {
            id
            displayName
          }
          nextSteps {
            ...NextStepFields
          }
          carriedOver {
            ...NextStepFields
          }
        }
      }
    }
  }
`);

export const RecordMastermindSessionDocument = graphql(`
  mutation RecordMastermindSession($groupId: ID!, $input: MastermindSessionInput!) {
    recordMastermindSession(groupId: $groupId, input: $input) {
      id
    }
  }
`);

export const RateSessionDocument = graphql(`
  mutation RateSession($sessionId: ID!, $rating: Int!) {
    rateSession(sessionId: $sessionId, rating: $rating) {
      id
      ratingCount
      averageRating
      myRating
    }
  }
`);

export const ReportNextStepDoneDocument = graphql(`
  mutation ReportNextStepDone($stepId: ID!) {
    reportNextStepDone(stepId: $stepId) {
      ...NextStepFields
    }
  }
`);

export const CreateMastermindGroupDocument = graphql(`
  mutation CreateMastermindGroup($input: CreateMastermindGroupInput!) {
    createMastermindGroup(input: $input) {
      id
      name
    }
  }
`);
