import { graphql } from '../../gql';

export const MentoringHomeDocument = graphql(`
  query MentoringHome($after: String) {
    myMenteeProfile {
      goals
      interests
      preferredMentorStages
      preferOtherInstitution
    }
    myMentorProfile {
      capacity
      activeMentees
      expertise
      interests
      acceptsDirectRequests
      paused
    }
    myRelationships(first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          status
          health
          kind
          startedAt
          mentor {
            id
            displayName
          }
          mentee {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const MentorSuggestionsDocument = graphql(`
  query MentorSuggestions {
    mentorSuggestions(first: 5) {
      score
      remainingCapacity
      mentor {
        id
        displayName
        careerStage
        institution {
          name
        }
      }
      reasons {
        kind
        detail
        points
      }
    }
  }
`);

export const UpsertMenteeProfileDocument = graphql(`
  mutation UpsertMenteeProfile($input: MenteeProfileInput!) {
    upsertMenteeProfile(input: $input) {
      goals
    }
  }
`);

export const UpsertMentorProfileDocument = graphql(`
  mutation UpsertMentorProfile($input: MentorProfileInput!) {
    upsertMentorProfile(input: $input) {
      capacity
    }
  }
`);

export const RequestMentorDocument = graphql(`
  mutation RequestMentor($input: RequestMentorInput!) {
    requestMentor(input: $input) {
      id
      status
    }
  }
`);

export const RelationshipFieldsFragment = graphql(`
  fragment RelationshipFields on Relationship {
    id
    status
    health
    kind
    startedAt
    lastCheckInAt
    requestMessage
    responseMessage
    mentor {
      id
      displayName
    }
    mentee {
      id
      displayName
    }
    agreement {
      goals
      meetingCadenceDays
      endsAt
      mentorAgreed
      menteeAgreed
      agreed
    }
  }
`);

export const RelationshipDocument = graphql(`
  query Relationship($id: ID!) {
    relationship(id: $id) {
      ...RelationshipFields
    }
  }
`);

/** A relationship's check-ins, newest first, 100 a page: their own query, so they show more on their own. */
export const RelationshipCheckInsDocument = graphql(`
  query RelationshipCheckIns($id: ID!, $after: String) {
    relationship(id: $id) {
      id
      checkIns(first: 100, after: $after) {
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            id
            heldAt
            progress
            nextSteps
            loggedBy {
              displayName
            }
          }
        }
      }
    }
  }
`);

/** Feedback on a relationship (yours, and the other side's once both gave it for the month), 100 a page, on its own. */
export const RelationshipFeedbackDocument = graphql(`
  query RelationshipFeedback($id: ID!, $after: String) {
    relationship(id: $id) {
      id
      feedback(first: 100, after: $after) {
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            id
            side
            period
            rating
            comment
            author {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

export const RespondToRequestDocument = graphql(`
  mutation RespondToRequest($id: ID!, $accept: Boolean!, $message: String) {
    respondToRequest(id: $id, accept: $accept, message: $message) {
      ...RelationshipFields
    }
  }
`);

export const LogCheckInDocument = graphql(`
  mutation LogCheckIn($relationshipId: ID!, $input: CheckInInput!) {
    logCheckIn(relationshipId: $relationshipId, input: $input) {
      id
    }
  }
`);

export const GiveFeedbackDocument = graphql(`
  mutation GiveFeedback($relationshipId: ID!, $input: FeedbackInput!) {
    giveFeedback(relationshipId: $relationshipId, input: $input) {
      offerRePairing
    }
  }
`);

export const SetAgreementDocument = graphql(`
  mutation SetAgreement($relationshipId: ID!, $input: AgreementInput!) {
    setAgreement(relationshipId: $relationshipId, input: $input) {
      ...RelationshipFields
    }
  }
`);

export const AgreeToAgreementDocument = graphql(`
  mutation AgreeToAgreement($relationshipId: ID!) {
    agreeToAgreement(relationshipId: $relationshipId) {
      ...RelationshipFields
    }
  }
`);
