import { graphql } from '../../gql';

/**
 * The institutions the signed-in lead watches, by name (membership names them on the role itself), for the scope
 * choice and the figures' headings. Every other institution or member the dashboard names comes as a reference
 * on the figure that shows it (a split's row, a collaboration pair, a member at risk), named by membership.
 */
export const DashboardLeadInstitutionsDocument = graphql(`
  query DashboardLeadInstitutions {
    me {
      id
      roles {
        role
        institutionId
        institution {
          id
          name
        }
      }
    }
  }
`);

export const FunnelStepFieldsFragment = graphql(`
  fragment FunnelStepFields on FunnelStepFigure {
    step
    count
    suppressed
    fromPrevious
    fromMembers
  }
`);

export const EngagementFunnelDocument = graphql(`
  query EngagementFunnel($input: EngagementFunnelInput!) {
    engagementFunnel(input: $input) {
      institutionId
      granularity
      splitBy
      suppressionThreshold
      buckets {
        label
        start
        end
        steps {
          ...FunnelStepFields
        }
        groups {
          group
          institution {
            id
            name
          }
          steps {
            ...FunnelStepFields
          }
        }
        network {
          step
          count
          suppressed
        }
      }
    }
  }
`);

export const CareerStageLineFieldsFragment = graphql(`
  fragment CareerStageLineFields on CareerStageLine {
    medicalStudent
    foundationDoctor
    resident
    consultant
    academic
    alliedHealth
    other
  }
`);

export const CareerStageAmountLineFieldsFragment = graphql(`
  fragment CareerStageAmountLineFields on CareerStageAmountLine {
    medicalStudent
    foundationDoctor
    resident
    consultant
    academic
    alliedHealth
    other
  }
`);

export const OverviewCountFieldsFragment = graphql(`
  fragment OverviewCountFields on OverviewCount {
    count
    suppressed
    networkCount
    networkSuppressed
    byCareerStage @include(if: $byStage) {
      ...CareerStageLineFields
    }
  }
`);

export const EngagementOverviewDocument = graphql(`
  query EngagementOverview($input: EngagementOverviewInput!, $byStage: Boolean!) {
    engagementOverview(input: $input) {
      institutionId
      suppressionThreshold
      figures {
        figure
        count
        suppressed
        networkCount
        networkSuppressed
        byCareerStage @include(if: $byStage) {
          ...CareerStageLineFields
        }
      }
      rates {
        rate
        value
        networkValue
      }
      groupMentoring {
        workshopsHeld {
          ...OverviewCountFields
        }
        workshopPlaces {
          ...OverviewCountFields
        }
        workshopPlacesTaken {
          ...OverviewCountFields
        }
        workshopWaitlisted {
          ...OverviewCountFields
        }
        workshopFill
        networkWorkshopFill
        mastermindAttendees {
          ...OverviewCountFields
        }
      }
      collaboration {
        institutionAId
        institutionBId
        institutionA {
          id
          name
        }
        institutionB {
          id
          name
        }
        proposals
      }
    }
  }
`);

export const MemberEngagementRecordDocument = graphql(`
  query MemberEngagementRecord($memberId: ID!, $after: String) {
    memberEngagementRecord(memberId: $memberId) {
      memberId
      institutionId
      careerStage
      registeredAt
      activities(first: 100, after: $after) {
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            activity
            occurredAt
            label
          }
        }
      }
    }
  }
`);

export const MetricFigureFieldsFragment = graphql(`
  fragment MetricFigureFields on MetricFigureValue {
    figure
    value
    suppressed
    networkValue
    networkSuppressed
    byCareerStage @include(if: $byStage) {
      ...CareerStageLineFields
    }
  }
`);

export const MetricRateFieldsFragment = graphql(`
  fragment MetricRateFields on MetricRateValue {
    rate
    value
    networkValue
  }
`);

export const EngagementMetricsDocument = graphql(`
  query EngagementMetrics($input: EngagementMetricsInput!, $byStage: Boolean!, $namedFunds: Boolean!) {
    engagementProgrammes(input: $input) {
      institutionId
      suppressionThreshold
      buckets {
        label
        figures {
          ...MetricFigureFields
        }
        rates {
          ...MetricRateFields
        }
      }
    }
    engagementFunding(input: $input) {
      institutionId
      suppressionThreshold
      buckets {
        label
        figures {
          ...MetricFigureFields
        }
        rates {
          ...MetricRateFields
        }
        money {
          measure
          fundId
          fund @include(if: $namedFunds) {
            id
            name
          }
          currency
          amount {
            amountMinor
            currency
          }
          suppressed
          networkAmount {
            amountMinor
            currency
          }
          networkSuppressed
          byCareerStage @include(if: $byStage) {
            ...CareerStageAmountLineFields
          }
        }
      }
      atRisk {
        memberId
        episodeStartedWeek
        member {
          id
          displayName
        }
      }
    }
  }
`);
