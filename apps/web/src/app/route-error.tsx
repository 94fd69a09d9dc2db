import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { commonMessages } from '../lib/messages';
import { messageOf } from '../lib/errors';

/** Each route's error boundary: the error in words and a way back, never a blank page. */
export function RouteError({ notFound = false }: { notFound?: boolean }) {
  const error = useRouteError();
  const missing = notFound || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <Stack p="md" maw={640}>
      <Title order={1}>{missing ? commonMessages.notFound : commonMessages.pageFailed}</Title>
      {!missing && (
        <Alert color="red" role="alert">
          {messageOf(error)}
        </Alert>
      )}
      <Anchor component={Link} to="/">
        {commonMessages.backHome}
      </Anchor>
    </Stack>
  );
}
