import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Role } from '../gql/graphql';
import type { ApolloSource } from './apollo-client';
import { openSessionChannel } from './cross-tab';
import type { SessionState, SessionStore } from './session-store';
import type { RegisterInput } from '../gql/graphql';

export interface Session extends SessionState {
  signIn(email: string, password: string): Promise<void>;
  register(input: RegisterInput): Promise<void>;
  signOut(): Promise<void>;
  /** Ends every session of the member, this one included (other browsers and devices too). */
  signOutEverywhere(): Promise<void>;
  /** Forgets this tab's session without asking the server (it already ended it, e.g. after a password reset). */
  forget(): Promise<void>;
  hasRole(role: Role): boolean;
  /** The in-memory access token for a request outside Apollo (a file download), refreshed when about to expire. */
  freshToken(): Promise<string | null>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The session's mutations, loaded with the first that runs: the generated documents (every operation of the
 * client) stay out of the entry chunk every first load parses (see operations.ts).
 */
const documents = () => import('../gql/graphql');

/**
 * `apollo`: where the session's mutations get Apollo Client (`appApollo` in the app: loaded by the first of them
 * when no page has loaded it yet, so the start page is shown without it; a test's mocked client).
 */
export function SessionProvider({
  store,
  apollo,
  children,
}: {
  store: SessionStore;
  apollo: ApolloSource;
  children: ReactNode;
}) {
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  useEffect(() => {
    if (store.getSnapshot().status === 'starting') void store.refresh();
  }, [store]);
  // the other tabs of this browser: told when this one signs in or out (cross-tab.ts)
  const tabs = useRef<ReturnType<typeof openSessionChannel> | null>(null);
  useEffect(() => {
    const channel = openSessionChannel((signal) => {
      const status = store.getSnapshot().status;
      if (signal === 'signed-out' && status !== 'signedOut') {
        store.signedOut();
        void apollo.ifLoaded()?.clearStore();
      } else if (signal === 'signed-in' && status === 'signedOut') {
        void store.refresh();
      }
    });
    tabs.current = channel;
    return () => channel.close();
  }, [store, apollo]);
  const value = useMemo<Session>(() => {
    const forget = async () => {
      store.signedOut();
      tabs.current?.post('signed-out');
      // nothing is cached when no page has loaded the client
      await apollo.ifLoaded()?.clearStore();
    };
    return {
      ...state,
      async signIn(email, password) {
        const [{ LoginDocument }, client] = await Promise.all([documents(), apollo.load()]);
        const { data } = await client.mutate({ mutation: LoginDocument, variables: { email, password } });
        if (data) store.signedIn(data.login);
        tabs.current?.post('signed-in');
      },
      async register(input) {
        const [{ RegisterDocument }, client] = await Promise.all([documents(), apollo.load()]);
        const { data } = await client.mutate({ mutation: RegisterDocument, variables: { input } });
        if (data) store.signedIn(data.register);
        tabs.current?.post('signed-in');
      },
      async signOut() {
        try {
          const [{ LogoutDocument }, client] = await Promise.all([documents(), apollo.load()]);
          await client.mutate({ mutation: LogoutDocument });
        } finally {
          // whatever the server said, nothing of this session stays in the page
          await forget();
        }
      },
      async signOutEverywhere() {
        // unlike signOut, a refusal is shown: the other sessions may still be open
        const [{ LogoutEverywhereDocument }, client] = await Promise.all([documents(), apollo.load()]);
        await client.mutate({ mutation: LogoutEverywhereDocument });
        await forget();
      },
      forget,
      hasRole(role) {
        return state.member?.roles.some((grant) => grant.role === role) ?? false;
      },
      freshToken: () => store.freshToken(),
    };
  }, [state, apollo, store]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
