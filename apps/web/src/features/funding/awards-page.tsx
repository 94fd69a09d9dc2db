import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { AwardStatus } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { formatDay, formatMoney } from '../../lib/format';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { AwardDecision } from './award-decision';
import { fundingMessages as t } from './messages';
import { MyAwardsDocument } from './operations';

export const STATUS_COLOURS: Record<AwardStatus, string> = {
  OFFERED: 'blue',
  ACCEPTED: 'teal',
  ACTIVE: 'green',
  CLOSED: 'gray',
  DECLINED: 'gray',
  CANCELLED: 'red',
};

export default function AwardsPage() {
  const awards = useQuery(MyAwardsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t.awardsTitle} intro={t.awardsIntro}>
      <QueryState data={awards.data} loading={awards.loading} error={awards.error}>
        {(data) =>
          data.awards.edges.length === 0 ? (
            <Text>{t.noAwards}</Text>
          ) : (
            <Stack gap="sm">
              {nodes(data.awards).map((award) => (
                <Card key={award.id} withBorder component="article" aria-label={award.title}>
                  <Stack gap="xs">
                    <Group justify="space-between">
                      <Anchor component={Link} to={`/funding/awards/${award.id}`} fw={600}>
                        {award.title}
                      </Anchor>
                      <Badge variant="light" color={STATUS_COLOURS[award.status]}>
                        {t.status[award.status]}
                      </Badge>
                    </Group>
                    <Text size="sm">
                      {formatMoney(award.amount)} ·{' '}
                      {t.period(formatDay(award.startsOn), formatDay(award.endsOn))} ·{' '}
                      {t.ledBy(award.principalInvestigator.displayName)}
                    </Text>
                    <AwardDecision awardId={award.id} actions={award.availableActions} />
                  </Stack>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <ShowMore query={awards} path={['awards']} label={t.moreAwards} />
    </Page>
  );
}
