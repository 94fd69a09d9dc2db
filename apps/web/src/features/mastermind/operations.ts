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

/**
 * A group and its sessions, 20 at a time: each session carries its attendees and two lists of next steps, so a
 * page of 100 cost more than the gateway allows one operation (5,144 against 5,000) and the page was refused.
 */
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
    mastermindSessions(groupId: $id, first: 20, after: $after) {
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
