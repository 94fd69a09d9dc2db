import { graphql } from '../gql';

/*
 * The session's operations, written here for codegen (`npm run codegen:web` generates their typed documents into
 * gql/graphql.ts). The session itself does not import this file: `graphql()` is a lookup in gql/gql.ts's map of
 * every operation of the client, and gql/graphql.ts holds every generated document; neither can be tree-shaken,
 * and the session is part of the entry chunk every first load parses (issue 11). So session-store.ts sends
 * RefreshSession as printed text (its test holds it equal to this document) and session-context.tsx imports the
 * generated mutations when the first of them runs.
 */

export const SessionFieldsFragment = graphql(`
  fragment SessionFields on AuthPayload {
    token
    tokenExpiresAt
    member {
      id
      displayName
      roles {
        role
        institutionId
      }
    }
  }
`);

export const RefreshSessionDocument = graphql(`
  mutation RefreshSession {
    refreshSession {
      ...SessionFields
    }
  }
`);

export const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...SessionFields
    }
  }
`);

export const RegisterDocument = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      ...SessionFields
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export const LogoutEverywhereDocument = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);
