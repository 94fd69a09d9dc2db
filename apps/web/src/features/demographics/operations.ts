import { graphql } from '../../gql';

export const DemographicsFieldsFragment = graphql(`
  fragment DemographicsFields on Demographics {
    gender
    ethnicityGroup
    disability
    firstGenerationHigherEducation
    updatedAt
  }
`);

export const MyDemographicsDocument = graphql(`
  query MyDemographics {
    myDemographics {
      ...DemographicsFields
    }
  }
`);

export const RecordDemographicsDocument = graphql(`
  mutation RecordDemographics($input: DemographicsInput!) {
    recordDemographics(input: $input) {
      ...DemographicsFields
    }
  }
`);

export const EraseMyDemographicsDocument = graphql(`
  mutation EraseMyDemographics {
    eraseMyDemographics
  }
`);
