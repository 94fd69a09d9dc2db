import { graphql } from '../../gql';

export const CommunitiesDocument = graphql(`
  query Communities($after: String) {
    communities(first: 100, after: $after) {
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          ...CommunityFields
        }
      }
    }
  }
`);

export const CommunityFieldsFragment = graphql(`
  fragment CommunityFields on Community {
    id
    name
    description
    interests
    memberCount
    viewerIsMember
    viewerIsModerator
  }
`);

export const CommunityDocument = graphql(`
  query Community($id: ID!) {
    community(id: $id) {
      ...CommunityFields
      moderators {
        id
        displayName
      }
    }
  }
`);

export const CommunityFeedDocument = graphql(`
  query CommunityFeed($communityId: ID!, $after: String) {
    communityAnnouncements(communityId: $communityId, first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          title
          body
          link
          postedAt
          author {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const JoinCommunityDocument = graphql(`
  mutation JoinCommunity($id: ID!) {
    joinCommunity(id: $id) {
      ...CommunityFields
    }
  }
`);

export const LeaveCommunityDocument = graphql(`
  mutation LeaveCommunity($id: ID!) {
    leaveCommunity(id: $id) {
      ...CommunityFields
    }
  }
`);

export const ProgrammeSummaryFragment = graphql(`
  fragment ProgrammeSummary on Programme {
    id
    title
    description
    mode
    audience
    capacity
    applicationOpensAt
    applicationClosesAt
    sessions {
      id
      startsAt
    }
  }
`);

export const ApplicationFieldsFragment = graphql(`
  fragment ApplicationFields on MyProgrammeApplication {
    id
    programmeId
    status
    appliedAt
    waitlistPosition
    offerExpiresAt
    decidedAt
  }
`);

export const ProgrammesDocument = graphql(`
  query Programmes($communityId: ID, $after: String) {
    programmes(communityId: $communityId, first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          ...ProgrammeSummary
        }
      }
    }
  }
`);

// the caller's applications page on their own, each with its programme (not looked up among the programmes shown)
export const MyApplicationsDocument = graphql(`
  query MyApplications($after: String) {
    myApplications(first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          ...ApplicationFields
          programme {
            ...ProgrammeSummary
          }
        }
      }
    }
  }
`);

export const ProgrammeDocument = graphql(`
  query Programme($id: ID!) {
    programme(id: $id) {
      ...ProgrammeSummary
      communityId
      competitionId
      certificateMinSharePercent
      viewerIsOrganiser
      selectionPolicy
      selectedAt
      reflectionQuestions {
        id
        prompt
      }
      sessions {
        id
        position
        theme
        startsAt
        endsAt
        timeZone
        localStart
        durationMinutes
        joiningLink
        sessionCode
        speakers {
          name
          role
        }
      }
      myApplication {
        ...ApplicationFields
        motivation
      }
      myAttendance
      myReflectionSubmitted
      myCertificate {
        ...CertificateFields
      }
    }
  }
`);

export const CertificateEligibilityDocument = graphql(`
  query CertificateEligibility($id: ID!) {
    programme(id: $id) {
      id
      myCertificateEligibility {
        eligible
        attended
        held
        required
      }
    }
  }
`);

export const CertificateFieldsFragment = graphql(`
  fragment CertificateFields on Certificate {
    id
    programmeId
    verificationCode
    verificationUrl
    memberName
    programmeTitle
    sessionsHeld
    issuedAt
    sessionsAttended {
      theme
      startsAt
    }
  }
`);

export const ApplyToProgrammeDocument = graphql(`
  mutation ApplyToProgramme($programmeId: ID!, $input: ApplyToProgrammeInput!) {
    applyToProgramme(programmeId: $programmeId, input: $input) {
      ...ApplicationFields
    }
  }
`);

export const RespondToPlaceDocument = graphql(`
  mutation RespondToPlace($applicationId: ID!, $action: ApplicantAction!) {
    respondToPlace(applicationId: $applicationId, action: $action) {
      ...ApplicationFields
    }
  }
`);

export const RecordMyAttendanceDocument = graphql(`
  mutation RecordMyAttendance($sessionId: ID!, $code: String!) {
    recordMyAttendance(sessionId: $sessionId, code: $code) {
      sessionId
      recorded
      alreadyRecorded
    }
  }
`);

export const SubmitReflectionDocument = graphql(`
  mutation SubmitReflection($programmeId: ID!, $input: SubmitReflectionInput!) {
    submitReflection(programmeId: $programmeId, input: $input) {
      programmeId
      submittedOn
    }
  }
`);

export const RequestCertificateDocument = graphql(`
  mutation RequestCertificate($programmeId: ID!) {
    requestCertificate(programmeId: $programmeId) {
      ...CertificateFields
    }
  }
`);

export const CertificatePdfDocument = graphql(`
  query CertificatePdf($id: ID!) {
    programme(id: $id) {
      id
      myCertificatePdf {
        filename
        contentType
        base64
      }
    }
  }
`);

export const MyCertificatesDocument = graphql(`
  query MyCertificates($after: String) {
    myCertificates(first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          ...CertificateFields
        }
      }
    }
  }
`);

export const VerifyCertificateDocument = graphql(`
  query VerifyCertificate($code: String!) {
    verifyCertificate(code: $code) {
      valid
      memberName
      programmeTitle
    }
  }
`);

export const CreateCommunityDocument = graphql(`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      ...CommunityFields
    }
  }
`);

export const PostAnnouncementDocument = graphql(`
  mutation PostAnnouncement($communityId: ID!, $input: PostAnnouncementInput!) {
    postAnnouncement(communityId: $communityId, input: $input) {
      id
    }
  }
`);

export const EditAnnouncementDocument = graphql(`
  mutation EditAnnouncement($id: ID!, $input: PostAnnouncementInput!) {
    editAnnouncement(id: $id, input: $input) {
      id
      title
      body
      link
    }
  }
`);

export const CreateProgrammeDocument = graphql(`
  mutation CreateProgramme($input: CreateProgrammeInput!) {
    createProgramme(input: $input) {
      ...ProgrammeSummary
    }
  }
`);

export const ProgrammeApplicationsDocument = graphql(`
  query ProgrammeApplications($programmeId: ID!, $after: String) {
    programmeApplications(programmeId: $programmeId, first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          status
          appliedAt
          waitlistPosition
          member {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const SelectApplicantsDocument = graphql(`
  mutation SelectApplicants($programmeId: ID!, $policy: SelectionPolicy!, $seed: String) {
    selectApplicants(programmeId: $programmeId, policy: $policy, seed: $seed) {
      policy
      seed
      accepted
      waitlisted
      programme {
        id
        selectionPolicy
        selectedAt
      }
    }
  }
`);

export const ProgrammeAttendeesDocument = graphql(`
  query ProgrammeAttendees($programmeId: ID!, $after: String) {
    programmeApplications(programmeId: $programmeId, status: ACCEPTED, first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          member {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const RecordAttendanceDocument = graphql(`
  mutation RecordAttendance($sessionId: ID!, $memberIds: [ID!]!) {
    recordAttendance(sessionId: $sessionId, memberIds: $memberIds) {
      sessionId
      recorded
      alreadyRecorded
    }
  }
`);
