import type { ApolloClient } from '@apollo/client';
import { session } from './session-store';

/**
 * Where the session and the pages get the app's Apollo Client. Apollo Client (with rxjs and graphql-js, about a
 * quarter of the code the entry chunk held) is its own chunk, loaded with the first page that asks GraphQL
 * anything (`routes.tsx`) or the first session mutation; a page that asks nothing (the start page) is shown
 * without it (issue 11).
 */
export interface ApolloSource {
  /** The client, its chunk loaded on first call. */
  load(): Promise<ApolloClient>;
  /** The client if it is already loaded (nothing cached otherwise). */
  ifLoaded(): ApolloClient | undefined;
}

let loading: Promise<ApolloClient> | undefined;
let loaded: ApolloClient | undefined;

export const appApollo: ApolloSource = {
  load() {
    loading ??= import('./apollo').then(
      ({ createApolloClient }) => {
        loaded = createApolloClient(session);
        return loaded;
      },
      (error: unknown) => {
        // a failed chunk load (a deploy replaced it, the network dropped) is tried again next time
        loading = undefined;
        throw error;
      },
    );
    return loading;
  },
  ifLoaded: () => loaded,
};
