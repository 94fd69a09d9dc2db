import { ApolloProvider } from '@apollo/client/react';
import { use, type ReactNode } from 'react';
import { appApollo, type ApolloSource } from '../session/apollo-client';

/**
 * Gives a page the app's Apollo Client: at once when it is loaded (a page's loader waits for it, `routes.tsx`),
 * else suspending until it is.
 */
export function WithApollo({ children, source = appApollo }: { children: ReactNode; source?: ApolloSource }) {
  const client = source.ifLoaded() ?? use(source.load());
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
