import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { Alert } from '@mantine/core';
import type { Role } from '../gql/graphql';
import { useSession } from '../session/session-context';
import type { AppRoute } from './route-table';
import { PageLoading } from './page-loading';
import { navMessages } from './messages';

/** Who may see a page: decided here for the person's convenience; the services decide for real, per record. */
export function Guard({
  access,
  roles,
  children,
}: {
  access: AppRoute['access'];
  roles?: readonly Role[];
  children: ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  const [search] = useSearchParams();
  if (access === 'public') return children;
  if (session.status === 'starting') return <PageLoading />;
  if (access === 'guest') {
    if (session.status !== 'signedIn') return children;
    const next = search.get('next');
    return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  if (session.status !== 'signedIn') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (roles && !roles.some((role) => session.hasRole(role)))
    return (
      <Alert color="yellow" title={navMessages.notAllowed} role="status">
        {' '}
      </Alert>
    );
  return children;
}
