import { graphql } from '../../gql';

export const InstitutionsDocument = graphql(`
  query Institutions {
    institutions {
      id
      name
      country
    }
  }
`);
