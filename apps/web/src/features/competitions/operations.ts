import { graphql } from '../../gql';

export const CompetitionFieldsFragment = graphql(`
  fragment CompetitionFields on Competition {
    id
    title
    description
    phase
    opensAt
    closesAt
    judgingEndsAt
    resultsPublishedAt
    blind
    winnersCount
    currency
    fundingAvailableMoney {
      amountMinor
      currency
    }
    protectedHoursAvailable
    criteria {
      id
      name
      guidance
      weight
      scaleMin
      scaleMax
    }
    eligibility {
      requiresInterInstitutionalTeam
      maxTeamSize
      allowedCareerStages
    }
  }
`);

/**
 * The list, a page at a time ("Show more" sends $after): light fields only (the gateway's cost limit counts every
 * field of every node on the page).
 */
export const CompetitionsDocument = graphql(`
  query Competitions($after: String) {
    competitions(first: 50, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      edges {
        node {
          id
          title
          phase
          closesAt
        }
      }
    }
  }
`);

export const CompetitionDocument = graphql(`
  query Competition($id: ID!) {
    competition(id: $id) {
      ...CompetitionFields
    }
  }
`);
