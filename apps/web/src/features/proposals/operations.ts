import { graphql } from '../../gql';

export const ProposalFieldsFragment = graphql(`
  fragment ProposalFields on Proposal {
    id
    competitionId
    status
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
    submittedVersion
    firstSubmittedAt
    updatedAt
    leadApplicant {
      id
      displayName
    }
    team {
      id
      displayName
      institutionId
      careerStage
      institution {
        name
      }
    }
    result {
      rank
      isWinner
      normalisedScore
      meanRawScore
      reviewCount
    }
    feedback {
      reviewer
      total
      comment
      scores {
        criterionId
        value
      }
    }
  }
`);

export const ProposalDocument = graphql(`
  query Proposal($id: ID!) {
    proposal(id: $id) {
      ...ProposalFields
    }
  }
`);

export const TeamInvitationFieldsFragment = graphql(`
  fragment TeamInvitationFields on TeamInvitation {
    proposalId
    status
    invitedAt
    answeredAt
    member {
      id
      displayName
    }
  }
`);

/**
 * Everyone invited to a proposal's team and their answer, newest first, 100 a page: its own query (not in
 * ProposalFields, which the mutations return), so it shows more on its own.
 */
export const ProposalInvitationsDocument = graphql(`
  query ProposalInvitations($id: ID!, $after: String) {
    proposal(id: $id) {
      id
      invitations(first: 100, after: $after) {
        totalCount
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            ...TeamInvitationFields
          }
        }
      }
    }
  }
`);

export const MyProposalsDocument = graphql(`
  query MyProposals($after: String) {
    myProposals(first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          title
          status
          competitionId
          submittedVersion
          updatedAt
        }
      }
    }
  }
`);

// the invitations page on their own ("Show more" sends one $after per query)
export const MyTeamInvitationsDocument = graphql(`
  query MyTeamInvitations($after: String) {
    myTeamInvitations(first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          proposalId
          proposalTitle
          status
          invitedAt
          leadApplicant {
            displayName
          }
        }
      }
    }
  }
`);

export const SaveProposalDraftDocument = graphql(`
  mutation SaveProposalDraft($input: SaveProposalDraftInput!) {
    saveProposalDraft(input: $input) {
      ...ProposalFields
    }
  }
`);

export const SubmitProposalDocument = graphql(`
  mutation SubmitProposal($id: ID!) {
    submitProposal(id: $id) {
      ...ProposalFields
    }
  }
`);

export const WithdrawProposalDocument = graphql(`
  mutation WithdrawProposal($id: ID!) {
    withdrawProposal(id: $id) {
      ...ProposalFields
    }
  }
`);

export const InviteTeamMemberDocument = graphql(`
  mutation InviteTeamMember($proposalId: ID!, $memberId: ID!) {
    inviteTeamMember(proposalId: $proposalId, memberId: $memberId) {
      ...TeamInvitationFields
    }
  }
`);

export const AcceptTeamInvitationDocument = graphql(`
  mutation AcceptTeamInvitation($proposalId: ID!) {
    acceptTeamInvitation(proposalId: $proposalId) {
      proposalId
      status
    }
  }
`);

export const DeclineTeamInvitationDocument = graphql(`
  mutation DeclineTeamInvitation($proposalId: ID!) {
    declineTeamInvitation(proposalId: $proposalId) {
      proposalId
      status
    }
  }
`);
