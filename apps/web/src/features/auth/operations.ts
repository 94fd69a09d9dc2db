import { graphql } from '../../gql';

export const InstitutionsDocument = graphql(`
  query Institutions($nameContains: String) {
    institutions(first: 100, nameContains: $nameContains) {
      edges {
        node {
          id
          name
          country
        }
      }
    }
  }
`);
