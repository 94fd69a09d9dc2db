import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { Section } from '../../lib/section';
import { useSession } from '../../session/session-context';
import { MembershipButton } from './membership-button';
import { NewCommunityForm } from './new-community-form';
import { communityMessages as t } from './messages';
import { CommunitiesDocument } from './operations';

export default function CommunitiesPage() {
  const query = useQuery(CommunitiesDocument);
  const isAdmin = useSession().hasRole('ADMIN');
  return (
    <Page title={t.communitiesTitle} intro={t.communitiesIntro}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.communities.edges.length === 0 ? (
            <Text>{t.noCommunities}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {nodes(data.communities).map((community) => (
                <Card withBorder key={community.id} component="article" aria-labelledby={`c-${community.id}`}>
                  <Stack gap="xs">
                    <Title order={2} size="h4" id={`c-${community.id}`}>
                      <Anchor component={Link} to={`/communities/${community.id}`}>
                        {community.name}
                      </Anchor>
                    </Title>
                    <Text size="sm">{community.description}</Text>
                    <Group gap="xs">
                      <Badge variant="light">{t.members(community.memberCount)}</Badge>
                      {community.viewerIsMember && (
                        <Badge variant="light" color="green">
                          {t.youAreMember}
                        </Badge>
                      )}
                      {community.interests.map((interest) => (
                        <Badge key={interest} variant="outline" color="gray">
                          {interest}
                        </Badge>
                      ))}
                    </Group>
                    <Group>
                      <MembershipButton community={community} />
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
      <ShowMore query={query} path={['communities']} label={t.moreCommunities} />
      {isAdmin && (
        <Section id="new-community" title={t.newCommunityTitle}>
          <NewCommunityForm />
        </Section>
      )}
    </Page>
  );
}
