import { graphql } from '../../gql';

export const MoneyFieldsFragment = graphql(`
  fragment MoneyFields on Money {
    amountMinor
    currency
  }
`);

export const AwardSummaryFieldsFragment = graphql(`
  fragment AwardSummaryFields on Award {
    id
    title
    status
    amount {
      ...MoneyFields
    }
    startsOn
    endsOn
    availableActions
    principalInvestigator {
      id
      displayName
    }
  }
`);

export const MyAwardsDocument = graphql(`
  query MyAwards($after: String) {
    awards(first: 100, after: $after) {
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          ...AwardSummaryFields
        }
      }
    }
  }
`);

export const AllocationFieldsFragment = graphql(`
  fragment AllocationFields on ProtectedTimeAllocation {
    id
    weeklyHours
    from
    to
    status
    decisionReason
    member {
      id
      displayName
    }
  }
`);

export const AwardDocument = graphql(`
  query Award($id: ID!, $after: String) {
    award(id: $id) {
      ...AwardSummaryFields
      requested {
        ...MoneyFields
      }
      cappedReason
      requestedHours
      team {
        id
        displayName
      }
      supervisor {
        id
        displayName
      }
      transitions {
        action
        from
        to
        at
        reason
        by {
          displayName
        }
      }
      budget {
        lines {
          category
          budgeted {
            ...MoneyFields
          }
          committed {
            ...MoneyFields
          }
          paid {
            ...MoneyFields
          }
          remaining {
            ...MoneyFields
          }
        }
        remaining {
          ...MoneyFields
        }
        burn {
          status
          elapsedShare
          spentShare
        }
      }
      spendEntries(first: 100, after: $after) {
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            id
            budgetLine
            kind
            amount {
              ...MoneyFields
            }
            date
            description
            reference
            reversesEntryId
          }
        }
      }
      protectedTime {
        ...AllocationFields
      }
    }
  }
`);

export const AcceptAwardDocument = graphql(`
  mutation AcceptAward($id: ID!) {
    acceptAward(id: $id) {
      id
      status
      availableActions
    }
  }
`);

export const DeclineAwardDocument = graphql(`
  mutation DeclineAward($id: ID!, $input: AwardDecisionInput) {
    declineAward(id: $id, input: $input) {
      id
      status
      availableActions
    }
  }
`);

export const MemberUtilisationDocument = graphql(`
  query MemberUtilisation($memberId: ID!, $from: String!, $to: String!) {
    memberUtilisation(memberId: $memberId, from: $from, to: $to) {
      atRisk
      weeks {
        week
        allocatedHours
        loggedHours
        utilisation
        complete
      }
    }
  }
`);

export const LogTimeDocument = graphql(`
  mutation LogTime($input: LogTimeInput!) {
    logTime(input: $input) {
      id
      date
      hours
    }
  }
`);

/** Proposed protected time the caller may decide (their institution's members, or all for admins), oldest first. */
export const ProtectedTimeToApproveDocument = graphql(`
  query ProtectedTimeToApprove($after: String) {
    protectedTimeToApprove(first: 100, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          ...AllocationFields
          awardId
          awardTitle
          decisionReason
        }
      }
    }
  }
`);

export const RejectProtectedTimeDocument = graphql(`
  mutation RejectProtectedTime($allocationId: ID!, $reason: String!) {
    rejectProtectedTime(allocationId: $allocationId, reason: $reason) {
      id
      status
      decisionReason
    }
  }
`);

export const ApproveProtectedTimeDocument = graphql(`
  mutation ApproveProtectedTime($allocationId: ID!) {
    approveProtectedTime(allocationId: $allocationId) {
      id
      status
    }
  }
`);

export const FundsDocument = graphql(`
  query Funds($after: String) {
    funds(first: 100, after: $after) {
      edges {
        node {
          id
          name
          source
          currency
          competitionId
          balance {
            total {
              ...MoneyFields
            }
            committed {
              ...MoneyFields
            }
            paid {
              ...MoneyFields
            }
            available {
              ...MoneyFields
            }
          }
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
`);

export const CreateFundDocument = graphql(`
  mutation CreateFund($input: CreateFundInput!) {
    createFund(input: $input) {
      id
    }
  }
`);
