import { graphql } from '../../gql';

export const AdminInstitutionsDocument = graphql(`
  query AdminInstitutions($after: String) {
    institutions(first: 100, after: $after) {
      edges {
        node {
          id
          name
          country
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
`);

export const CreateInstitutionDocument = graphql(`
  mutation CreateInstitution($input: CreateInstitutionInput!) {
    createInstitution(input: $input) {
      id
      name
      country
    }
  }
`);

export const MemberRolesFragment = graphql(`
  fragment MemberRoles on Member {
    id
    displayName
    careerStage
    institutionId
    institution {
      id
      name
    }
    roles {
      role
      institutionId
      institution {
        id
        name
      }
    }
  }
`);

export const FindMembersDocument = graphql(`
  query FindMembers($filter: MembersFilter!) {
    members(filter: $filter, first: 20) {
      edges {
        node {
          ...MemberRoles
        }
      }
    }
  }
`);

export const GrantRoleDocument = graphql(`
  mutation GrantRole($memberId: ID!, $role: Role!, $institutionId: ID) {
    grantRole(memberId: $memberId, role: $role, institutionId: $institutionId) {
      ...MemberRoles
    }
  }
`);

export const RevokeRoleDocument = graphql(`
  mutation RevokeRole($memberId: ID!, $role: Role!, $institutionId: ID) {
    revokeRole(memberId: $memberId, role: $role, institutionId: $institutionId) {
      ...MemberRoles
    }
  }
`);

export const CompetitionReviewDocument = graphql(`
  query CompetitionReview($competitionId: ID!) {
    competition(id: $competitionId) {
      id
      title
      phase
    }
  }
`);

/** The entries offered for manual assignment, a page at a time. */
export const CompetitionEntrySearchDocument = graphql(`
  query CompetitionEntrySearch($competitionId: ID!, $titleContains: String) {
    competitionEntries(competitionId: $competitionId, titleContains: $titleContains, first: 20) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const CompetitionJudgeSearchDocument = graphql(`
  query CompetitionJudgeSearch($competitionId: ID!, $nameContains: String, $proposalId: ID) {
    competitionJudges(
      competitionId: $competitionId
      nameContains: $nameContains
      proposalId: $proposalId
      first: 20
    ) {
      edges {
        node {
          judge {
            id
            displayName
          }
          handAssignment {
            allowed
            refusals {
              rule
              conflictKinds
            }
          }
        }
      }
    }
  }
`);

// conflicts and assignments each page on their own ("Show more" sends one $after per query)
export const CompetitionConflictsDocument = graphql(`
  query CompetitionConflicts($competitionId: ID!, $after: String) {
    competitionConflicts(competitionId: $competitionId, first: 50, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          proposalId
          judgeId
          judge {
            id
            displayName
          }
          proposal {
            id
            title
          }
          kind
          reason
          recordedAt
          reviewStatus
          reviewReason
          reviewedAt
        }
      }
    }
  }
`);

export const CompetitionAssignmentsDocument = graphql(`
  query CompetitionAssignments($competitionId: ID!, $after: String) {
    competitionAssignments(competitionId: $competitionId, first: 50, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          proposalId
          judgeId
          judge {
            id
            displayName
          }
          proposal {
            id
            title
          }
          origin
          reviewStarted
          assignedAt
        }
      }
    }
  }
`);

export const ReviewNamedConflictDocument = graphql(`
  mutation ReviewNamedConflict($conflictId: ID!, $decision: NamedConflictDecision!, $reason: String!) {
    reviewNamedConflict(conflictId: $conflictId, decision: $decision, reason: $reason) {
      id
      reviewStatus
      reviewReason
      reviewedAt
    }
  }
`);

export const AssignJudgeDocument = graphql(`
  mutation AssignJudge($proposalId: ID!, $judgeId: ID!) {
    assignJudge(proposalId: $proposalId, judgeId: $judgeId) {
      proposalId
      judgeId
    }
  }
`);

export const UnassignJudgeDocument = graphql(`
  mutation UnassignJudge($proposalId: ID!, $judgeId: ID!, $discardStartedReview: Boolean!) {
    unassignJudge(proposalId: $proposalId, judgeId: $judgeId, discardStartedReview: $discardStartedReview)
  }
`);

export const MatchRunFieldsFragment = graphql(`
  fragment MatchRunFields on MatchRun {
    id
    status
    totalScore
    createdAt
    approvedAt
    proposals {
      id
      score
      edited
      relationshipId
      mentee {
        id
        displayName
      }
      mentor {
        id
        displayName
      }
      reasons {
        kind
        detail
        points
      }
    }
    unmatched {
      reason
      detail
      mentee {
        id
        displayName
      }
    }
  }
`);

export const RunMatchingDocument = graphql(`
  mutation RunMatching($input: RunMatchingInput!) {
    runMatching(input: $input) {
      ...MatchRunFields
    }
  }
`);

export const MatchRunsDocument = graphql(`
  query MatchRuns($after: String) {
    matchRuns(first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          status
          totalScore
          createdAt
          approvedAt
          proposals {
            id
          }
          unmatched {
            reason
          }
        }
      }
    }
  }
`);

export const MatchRunDocument = graphql(`
  query MatchRun($id: ID!) {
    matchRun(id: $id) {
      ...MatchRunFields
    }
  }
`);

export const EditMatchProposalDocument = graphql(`
  mutation EditMatchProposal($runId: ID!, $menteeId: ID!, $mentorId: ID) {
    editMatchProposal(runId: $runId, menteeId: $menteeId, mentorId: $mentorId) {
      ...MatchRunFields
    }
  }
`);

export const ApproveMatchRunDocument = graphql(`
  mutation ApproveMatchRun($runId: ID!) {
    approveMatchRun(runId: $runId) {
      ...MatchRunFields
    }
  }
`);

export const SupervisionProposalsDocument = graphql(`
  query SupervisionProposals($after: String) {
    supervisionProposals(first: 50, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          competitionId
          proposalTitle
          score
          status
          relationshipId
          mentee {
            id
            displayName
          }
          mentor {
            id
            displayName
          }
          reasons {
            kind
            detail
            points
          }
        }
      }
    }
  }
`);

export const ConfirmSupervisionDocument = graphql(`
  mutation ConfirmSupervision($id: ID!, $mentorId: ID) {
    confirmSupervision(id: $id, mentorId: $mentorId) {
      id
      status
      relationshipId
      mentor {
        id
        displayName
      }
    }
  }
`);
