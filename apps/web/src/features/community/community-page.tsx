import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CommunityQuery } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { formatDateTime } from '../../lib/format';
import { Page } from '../../lib/page';
import { Section } from '../../lib/section';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { useSession } from '../../session/session-context';
import { AnnouncementForm } from './announcement-form';
import { MembershipButton } from './membership-button';
import { communityMessages as t } from './messages';
import { CommunityDocument, CommunityFeedDocument } from './operations';
import { PagedProgrammes } from './programme-card';

/** The announcements, newest first, 20 at a time. */
function Feed({ communityId, moderator }: { communityId: string; moderator: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const query = useQuery(CommunityFeedDocument, { variables: { communityId } });
  return (
    <QueryState data={query.data} loading={query.loading} error={query.error}>
      {(data) => (
        <Stack gap="sm">
          {data.communityAnnouncements.edges.length === 0 && <Text>{t.noAnnouncements}</Text>}
          {nodes(data.communityAnnouncements).map((item) => (
            <Card withBorder key={item.id} component="article" aria-labelledby={`a-${item.id}`}>
              {editing === item.id ? (
                <AnnouncementForm
                  communityId={communityId}
                  editing={{ ...item, link: item.link ?? '' }}
                  onDone={() => setEditing(null)}
                />
              ) : (
                <>
                  <Title order={3} size="h5" id={`a-${item.id}`}>
                    {item.title}
                  </Title>
                  <Text size="xs" c="dark.6">
                    {t.postedBy(item.author.displayName, formatDateTime(item.postedAt))}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.body}
                  </Text>
                  {item.link && (
                    <Anchor href={item.link} target="_blank" rel="noopener noreferrer" size="sm">
                      {item.link}
                    </Anchor>
                  )}
                  {moderator && (
                    <Group mt="xs">
                      <Button size="xs" variant="outline" onClick={() => setEditing(item.id)}>
                        {t.edit(item.title)}
                      </Button>
                    </Group>
                  )}
                </>
              )}
            </Card>
          ))}
          <ShowMore query={query} path={['communityAnnouncements']} label={t.more} />
        </Stack>
      )}
    </QueryState>
  );
}

function CommunityView({ data }: { data: CommunityQuery }) {
  const { community } = data;
  const isAdmin = useSession().hasRole('ADMIN');
  return (
    <Stack gap="lg">
      <Text>{community.description}</Text>
      <Group gap="xs">
        <Badge variant="light">{t.members(community.memberCount)}</Badge>
        {community.viewerIsModerator && <Badge variant="light">{t.youModerate}</Badge>}
        {community.interests.map((interest) => (
          <Badge key={interest} variant="outline" color="gray">
            {interest}
          </Badge>
        ))}
      </Group>
      <Text size="sm">
        {t.moderators}: {community.moderators.map((member) => member.displayName).join(', ') || '–'}
      </Text>
      <Group>
        <MembershipButton community={community} />
      </Group>
      {community.viewerIsModerator && (
        <Section id="post" title={t.postTitle}>
          <AnnouncementForm communityId={community.id} />
        </Section>
      )}
      <Section id="feed" title={t.feedTitle}>
        {community.viewerIsMember || community.viewerIsModerator ? (
          <Feed communityId={community.id} moderator={community.viewerIsModerator} />
        ) : (
          <Text>{t.feedMembersOnly}</Text>
        )}
      </Section>
      <Section id="programmes" title={t.communityProgrammes}>
        {(community.viewerIsModerator || isAdmin) && (
          <Anchor component={Link} to={`/programmes/new?community=${community.id}`} mb="sm" display="block">
            {t.createProgrammeLink}
          </Anchor>
        )}
        <PagedProgrammes communityId={community.id} />
      </Section>
    </Stack>
  );
}

export default function CommunityPage() {
  const { id = '' } = useParams();
  const query = useQuery(CommunityDocument, { variables: { id } });
  return (
    <Page title={query.data?.community.name ?? t.communitiesTitle}>
      <Anchor component={Link} to="/communities">
        {t.back}
      </Anchor>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => <CommunityView data={data} />}
      </QueryState>
    </Page>
  );
}
