import { graphql } from '../../gql';

export const MyProfileDocument = graphql(`
  query MyProfile {
    me {
      id
      displayName
      email
      careerStage
      specialty
      interests
      joinedAt
      institutionId
      institutionConfirmed
      careerStageConfirmed
      registrationConfirmation {
        id
        status
        reason
      }
      institution {
        id
        name
        country
      }
      roles {
        role
        institutionId
      }
      institutionChanges {
        id
        status
        requestedAt
        reason
        toInstitution {
          id
          name
        }
      }
      careerStageChanges {
        id
        status
        reason
        toStage
      }
    }
  }
`);

export const UpdateMyProfileDocument = graphql(`
  mutation UpdateMyProfile($input: UpdateProfileInput!) {
    updateMyProfile(input: $input) {
      id
      displayName
      careerStage
      specialty
      interests
      institutionId
      institution {
        id
        name
      }
      institutionChanges {
        id
        status
        requestedAt
        reason
        toInstitution {
          id
          name
        }
      }
      careerStageChanges {
        id
        status
        reason
        toStage
      }
    }
  }
`);
