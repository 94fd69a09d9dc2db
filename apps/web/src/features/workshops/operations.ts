import { graphql } from '../../gql';

export const WorkshopFieldsFragment = graphql(`
  fragment WorkshopFields on CoachingWorkshop {
    id
    title
    startsAt
    durationMinutes
    capacity
    eligibleStages
    enrolledCount
    waitlistCount
    heldAt
    coach {
      id
      displayName
    }
    myEnrolment {
      status
      waitlistPosition
    }
  }
`);

export const UpcomingWorkshopsDocument = graphql(`
  query UpcomingWorkshops($after: String) {
    upcomingCoachingWorkshops(first: 100, after: $after) {
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          ...WorkshopFields
        }
      }
    }
  }
`);

export const WorkshopDocument = graphql(`
  query Workshop($id: ID!) {
    coachingWorkshop(id: $id) {
      ...WorkshopFields
      enrolments {
        status
        waitlistPosition
        member {
          id
          displayName
          careerStage
        }
      }
    }
  }
`);

export const EnrolInWorkshopDocument = graphql(`
  mutation EnrolInWorkshop($id: ID!) {
    enrolInWorkshop(id: $id) {
      workshopId
      status
      waitlistPosition
    }
  }
`);

export const WithdrawFromWorkshopDocument = graphql(`
  mutation WithdrawFromWorkshop($id: ID!) {
    withdrawFromWorkshop(id: $id) {
      workshopId
    }
  }
`);

export const MarkWorkshopHeldDocument = graphql(`
  mutation MarkWorkshopHeld($id: ID!) {
    markWorkshopHeld(id: $id) {
      ...WorkshopFields
    }
  }
`);

export const CreateWorkshopDocument = graphql(`
  mutation CreateWorkshop($input: CreateWorkshopInput!) {
    createCoachingWorkshop(input: $input) {
      ...WorkshopFields
    }
  }
`);

export const ActionPlanFieldsFragment = graphql(`
  fragment ActionPlanFields on ActionPlan {
    objectives
    actions {
      text
      dueDate
      done
    }
    percentDone
    overdue
    member {
      id
      displayName
    }
  }
`);

export const ActionPlanDocument = graphql(`
  query ActionPlan($workshopId: ID!, $memberId: ID) {
    actionPlan(workshopId: $workshopId, memberId: $memberId) {
      ...ActionPlanFields
    }
  }
`);

export const SetActionPlanDocument = graphql(`
  mutation SetActionPlan($workshopId: ID!, $input: ActionPlanInput!) {
    setActionPlan(workshopId: $workshopId, input: $input) {
      ...ActionPlanFields
    }
  }
`);

export const CoachingRequestsDocument = graphql(`
  query CoachingRequests($workshopId: ID!, $after: String) {
    coachingRequests(workshopId: $workshopId, first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          kind
          documentUrl
          text
          response
          respondedAt
          createdAt
          student {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const RequestCvReviewDocument = graphql(`
  mutation RequestCvReview($workshopId: ID!, $input: CvReviewInput!) {
    requestCvReview(workshopId: $workshopId, input: $input) {
      id
    }
  }
`);

export const RequestFollowUpDocument = graphql(`
  mutation RequestFollowUp($workshopId: ID!, $message: String!) {
    requestFollowUp(workshopId: $workshopId, message: $message) {
      id
    }
  }
`);

export const RespondToCoachingRequestDocument = graphql(`
  mutation RespondToCoachingRequest($id: ID!, $response: String!) {
    respondToCoachingRequest(id: $id, response: $response) {
      id
      response
      respondedAt
    }
  }
`);
