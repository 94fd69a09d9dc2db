import { Center, Loader } from '@mantine/core';
import { commonMessages } from '../lib/messages';

export function PageLoading() {
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader aria-label={commonMessages.loading} />
    </Center>
  );
}
