import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { mastermindMessages as t } from './messages';
import { NewGroupForm } from './new-group-form';
import { MyMastermindGroupsDocument } from './operations';

export default function MastermindGroupsPage() {
  const query = useQuery(MyMastermindGroupsDocument);
  return (
    <Page title={t.title} intro={t.intro}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.myMastermindGroups.edges.length === 0 ? (
            <Text>{t.none}</Text>
          ) : (
            <Stack gap="sm">
              {nodes(data.myMastermindGroups).map((group) => (
                <Card withBorder key={group.id} component="article" aria-labelledby={`g-${group.id}`}>
                  <Title order={2} size="h4" id={`g-${group.id}`}>
                    <Anchor component={Link} to={`/mentoring/mastermind/${group.id}`}>
                      {group.name}
                    </Anchor>
                  </Title>
                  <Text size="sm">
                    {t.facilitatedBy(group.facilitator.displayName)} · {t.size(group.size, group.cadenceDays)}
                  </Text>
                </Card>
              ))}
              <ShowMore query={query} path={['myMastermindGroups']} label={t.moreGroups} />
            </Stack>
          )
        }
      </QueryState>
      <NewGroupForm />
    </Page>
  );
}
