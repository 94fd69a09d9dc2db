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
  query UpcomingWorkshops {
    upcomingCoachingWorkshops(first: 100) {
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
