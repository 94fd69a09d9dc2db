/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Institutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": typeof types.InstitutionsDocument,
    "\n  fragment DemographicsFields on Demographics {\n    gender\n    ethnicityGroup\n    disability\n    firstGenerationHigherEducation\n    updatedAt\n  }\n": typeof types.DemographicsFieldsFragmentDoc,
    "\n  query MyDemographics {\n    myDemographics {\n      ...DemographicsFields\n    }\n  }\n": typeof types.MyDemographicsDocument,
    "\n  mutation RecordDemographics($input: DemographicsInput!) {\n    recordDemographics(input: $input) {\n      ...DemographicsFields\n    }\n  }\n": typeof types.RecordDemographicsDocument,
    "\n  mutation EraseMyDemographics {\n    eraseMyDemographics\n  }\n": typeof types.EraseMyDemographicsDocument,
    "\n  query MyProfile {\n    me {\n      id\n      displayName\n      email\n      careerStage\n      specialty\n      interests\n      joinedAt\n      institutionId\n      institution {\n        id\n        name\n      }\n      roles {\n        role\n        institutionId\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n    }\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      displayName\n      careerStage\n      specialty\n      interests\n      institutionId\n      institution {\n        id\n        name\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    tokenExpiresAt\n    member {\n      id\n      displayName\n      roles {\n        role\n        institutionId\n      }\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
};
const documents: Documents = {
    "\n  query Institutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": types.InstitutionsDocument,
    "\n  fragment DemographicsFields on Demographics {\n    gender\n    ethnicityGroup\n    disability\n    firstGenerationHigherEducation\n    updatedAt\n  }\n": types.DemographicsFieldsFragmentDoc,
    "\n  query MyDemographics {\n    myDemographics {\n      ...DemographicsFields\n    }\n  }\n": types.MyDemographicsDocument,
    "\n  mutation RecordDemographics($input: DemographicsInput!) {\n    recordDemographics(input: $input) {\n      ...DemographicsFields\n    }\n  }\n": types.RecordDemographicsDocument,
    "\n  mutation EraseMyDemographics {\n    eraseMyDemographics\n  }\n": types.EraseMyDemographicsDocument,
    "\n  query MyProfile {\n    me {\n      id\n      displayName\n      email\n      careerStage\n      specialty\n      interests\n      joinedAt\n      institutionId\n      institution {\n        id\n        name\n      }\n      roles {\n        role\n        institutionId\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n    }\n    institutions {\n      id\n      name\n      country\n    }\n  }\n": types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      displayName\n      careerStage\n      specialty\n      interests\n      institutionId\n      institution {\n        id\n        name\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  fragment SessionFields on AuthPayload {\n    token\n    tokenExpiresAt\n    member {\n      id\n      displayName\n      roles {\n        role\n        institutionId\n      }\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Institutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"): (typeof documents)["\n  query Institutions {\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DemographicsFields on Demographics {\n    gender\n    ethnicityGroup\n    disability\n    firstGenerationHigherEducation\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment DemographicsFields on Demographics {\n    gender\n    ethnicityGroup\n    disability\n    firstGenerationHigherEducation\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDemographics {\n    myDemographics {\n      ...DemographicsFields\n    }\n  }\n"): (typeof documents)["\n  query MyDemographics {\n    myDemographics {\n      ...DemographicsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDemographics($input: DemographicsInput!) {\n    recordDemographics(input: $input) {\n      ...DemographicsFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordDemographics($input: DemographicsInput!) {\n    recordDemographics(input: $input) {\n      ...DemographicsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseMyDemographics {\n    eraseMyDemographics\n  }\n"): (typeof documents)["\n  mutation EraseMyDemographics {\n    eraseMyDemographics\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile {\n    me {\n      id\n      displayName\n      email\n      careerStage\n      specialty\n      interests\n      joinedAt\n      institutionId\n      institution {\n        id\n        name\n      }\n      roles {\n        role\n        institutionId\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n    }\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"): (typeof documents)["\n  query MyProfile {\n    me {\n      id\n      displayName\n      email\n      careerStage\n      specialty\n      interests\n      joinedAt\n      institutionId\n      institution {\n        id\n        name\n      }\n      roles {\n        role\n        institutionId\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n    }\n    institutions {\n      id\n      name\n      country\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      displayName\n      careerStage\n      specialty\n      interests\n      institutionId\n      institution {\n        id\n        name\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      displayName\n      careerStage\n      specialty\n      interests\n      institutionId\n      institution {\n        id\n        name\n      }\n      institutionChanges {\n        id\n        status\n        requestedAt\n        reason\n        toInstitution {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    token\n    tokenExpiresAt\n    member {\n      id\n      displayName\n      roles {\n        role\n        institutionId\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    token\n    tokenExpiresAt\n    member {\n      id\n      displayName\n      roles {\n        role\n        institutionId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;