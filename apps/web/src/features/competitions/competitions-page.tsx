import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { PhaseBadge } from './competition-details';
import { competitionMessages as t } from './messages';
import { CompetitionsDocument } from './operations';

export default function CompetitionsPage() {
  const query = useQuery(CompetitionsDocument);
  return (
    <Page title={t.title} intro={t.intro}>
      <Stack gap="lg">
        <QueryState data={query.data} loading={query.loading} error={query.error}>
          {(data) => {
            const shown = nodes(data.competitions).filter((competition) => competition.phase !== 'DRAFT');
            if (shown.length === 0) return <Text>{t.none}</Text>;
            return (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {shown.map((competition) => (
                  <Card key={competition.id} withBorder component="article">
                    <Stack gap="xs">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Title order={2} size="h4">
                          {competition.title}
                        </Title>
                        <PhaseBadge phase={competition.phase} />
                      </Group>
                      <Text size="sm">
                        {t.closes}: {formatDateTime(competition.closesAt)}
                      </Text>
                      <Anchor component={Link} to={`/competitions/${competition.id}`}>
                        {t.view(competition.title)}
                      </Anchor>
                    </Stack>
                  </Card>
                ))}
              </SimpleGrid>
            );
          }}
        </QueryState>
        <ShowMore query={query} path={['competitions']} label={t.more} />
      </Stack>
    </Page>
  );
}
