import { graphql } from '../../gql';

// each kind of request pages on its own (oldest first, 20 at a time): "Show more" under each list
export const RegistrationsToConfirmDocument = graphql(`
  query RegistrationsToConfirm($after: String) {
    registrationsToConfirm(first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          status
          reason
          requestedAt
          careerStage
          member {
            id
            displayName
          }
          institution {
            id
            name
          }
        }
      }
    }
  }
`);

export const InstitutionChangesToConfirmDocument = graphql(`
  query InstitutionChangesToConfirm($after: String) {
    institutionChangesToConfirm(first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          status
          reason
          requestedAt
          member {
            id
            displayName
          }
          fromInstitution {
            id
            name
          }
          toInstitution {
            id
            name
          }
        }
      }
    }
  }
`);

export const CareerStageChangesToConfirmDocument = graphql(`
  query CareerStageChangesToConfirm($after: String) {
    careerStageChangesToConfirm(first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          status
          reason
          requestedAt
          fromStage
          toStage
          member {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const ConfirmRegistrationDocument = graphql(`
  mutation ConfirmRegistration($id: ID!) {
    confirmRegistration(id: $id) {
      id
      status
      reason
      decidedAt
    }
  }
`);

export const RejectRegistrationDocument = graphql(`
  mutation RejectRegistration($id: ID!, $reason: String!) {
    rejectRegistration(id: $id, reason: $reason) {
      id
      status
      reason
      decidedAt
    }
  }
`);

export const ConfirmInstitutionChangeDocument = graphql(`
  mutation ConfirmInstitutionChange($id: ID!) {
    confirmInstitutionChange(id: $id) {
      id
      status
      reason
      decidedAt
    }
  }
`);

export const RejectInstitutionChangeDocument = graphql(`
  mutation RejectInstitutionChange($id: ID!, $reason: String!) {
    rejectInstitutionChange(id: $id, reason: $reason) {
      id
      status
      reason
      decidedAt
    }
  }
`);

export const ConfirmCareerStageChangeDocument = graphql(`
  mutation ConfirmCareerStageChange($id: ID!) {
    confirmCareerStageChange(id: $id) {
      id
      status
      reason
      decidedAt
    }
  }
`);

export const RejectCareerStageChangeDocument = graphql(`
  mutation RejectCareerStageChange($id: ID!, $reason: String!) {
    rejectCareerStageChange(id: $id, reason: $reason) {
      id
      status
      reason
      decidedAt
    }
  }
`);
