import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageLoading } from '../app/page-loading';
import { messageOf } from './errors';

/** A query's loading and error states, the same on every page: a busy indicator, or the error in words. */
export function QueryState<T>({
  data,
  loading,
  error,
  children,
}: {
  data: T | undefined;
  loading: boolean;
  error?: unknown;
  children: (data: T) => ReactNode;
}) {
  if (data !== undefined) return children(data);
  if (loading) return <PageLoading />;
  if (error)
    return (
      <Alert color="red" role="alert">
        {messageOf(error)}
      </Alert>
    );
  return null;
}
