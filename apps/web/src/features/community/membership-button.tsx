import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import type { CommunityFieldsFragment } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { communityMessages as t } from './messages';
import { JoinCommunityDocument, LeaveCommunityDocument } from './operations';

/** Join or leave a community; the answer updates the community (and its count) in the cache. */
export function MembershipButton({ community }: { community: CommunityFieldsFragment }) {
  const [join, joining] = useMutation(JoinCommunityDocument);
  const [leave, leaving] = useMutation(LeaveCommunityDocument);
  const toggle = async () => {
    try {
      if (community.viewerIsMember) {
        await leave({ variables: { id: community.id } });
        notifications.show({ color: 'green', message: t.left(community.name) });
      } else {
        await join({ variables: { id: community.id } });
        notifications.show({ color: 'green', message: t.joined(community.name) });
      }
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Button
      variant={community.viewerIsMember ? 'outline' : 'filled'}
      loading={joining.loading || leaving.loading}
      onClick={() => void toggle()}
    >
      {community.viewerIsMember ? t.leave(community.name) : t.join(community.name)}
    </Button>
  );
}
