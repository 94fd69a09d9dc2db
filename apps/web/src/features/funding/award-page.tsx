import { Badge, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { AwardQuery } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { formatDateTime, formatDay, formatMoney, formatNumber } from '../../lib/format';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { useSession } from '../../session/session-context';
import { AwardDecision } from './award-decision';
import { STATUS_COLOURS } from './awards-page';
import { ScrollTable, TableHead } from '../../lib/table';
import { fundingMessages as t } from './messages';
import { AwardDocument } from './operations';
import { ProtectedTime } from './protected-time';

type Award = AwardQuery['award'];

const percent = (share: number) => `${formatNumber(share * 100, 0)} %`;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function Budget({ budget }: { budget: Award['budget'] }) {
  return (
    <section aria-labelledby="budget">
      <Stack gap="xs">
        <Title order={2} size="h3" id="budget">
          {t.budgetTitle}
        </Title>
        <ScrollTable minWidth={560}>
          <Table striped withTableBorder>
            <TableHead columns={[t.category, t.budgeted, t.committed, t.paid, t.remaining]} />
            <Table.Tbody>
              {budget.lines.map((line) => (
                <Table.Tr key={line.category}>
                  <Table.Th scope="row">{t.categories[line.category]}</Table.Th>
                  <Table.Td>{formatMoney(line.budgeted)}</Table.Td>
                  <Table.Td>{formatMoney(line.committed)}</Table.Td>
                  <Table.Td>{formatMoney(line.paid)}</Table.Td>
                  <Table.Td>{formatMoney(line.remaining)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <Text size="sm">
          {t.burn(
            t.burnStatus[budget.burn.status],
            percent(budget.burn.spentShare),
            percent(budget.burn.elapsedShare),
          )}
        </Text>
      </Stack>
    </section>
  );
}

function Spends({ entries, more }: { entries: Award['spendEntries']; more: ReactNode }) {
  const list = nodes(entries);
  return (
    <section aria-labelledby="spends">
      <Stack gap="xs">
        <Title order={2} size="h3" id="spends">
          {t.spendsTitle}
        </Title>
        {list.length === 0 ? (
          <Text>{t.noSpends}</Text>
        ) : (
          <ScrollTable minWidth={640}>
            <Table striped withTableBorder>
              <TableHead columns={[t.date, t.category, t.kind, t.amount, t.description, t.reference]} />
              <Table.Tbody>
                {list.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{formatDay(entry.date)}</Table.Td>
                    <Table.Td>{t.categories[entry.budgetLine]}</Table.Td>
                    <Table.Td>
                      {t.kinds[entry.kind]}
                      {entry.reversesEntryId ? ` (${t.reversal})` : ''}
                    </Table.Td>
                    <Table.Td>{formatMoney(entry.amount)}</Table.Td>
                    <Table.Td>{entry.description}</Table.Td>
                    <Table.Td>{entry.reference ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {more}
      </Stack>
    </section>
  );
}

function History({ transitions }: { transitions: Award['transitions'] }) {
  return (
    <section aria-labelledby="history">
      <Stack gap="xs">
        <Title order={2} size="h3" id="history">
          {t.historyTitle}
        </Title>
        {transitions.length === 0 ? (
          <Text>{t.noHistory}</Text>
        ) : (
          <List>
            {transitions.map((transition) => (
              <List.Item key={`${transition.at}-${transition.to}`}>
                {formatDateTime(transition.at)}: {t.status[transition.to]}
                {transition.by ? t.by(transition.by.displayName) : t.automatic}
                {transition.reason ? ` · ${transition.reason}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </section>
  );
}

export default function AwardPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const award = useQuery(AwardDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  return (
    <QueryState data={award.data} loading={award.loading} error={award.error}>
      {({ award: found }) => (
        <Page title={found.title}>
          <Stack gap="xl">
            <Stack gap="sm">
              <Group>
                <Badge variant="light" color={STATUS_COLOURS[found.status]}>
                  {t.status[found.status]}
                </Badge>
                <Text size="sm">{t.ledBy(found.principalInvestigator.displayName)}</Text>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Fact label={t.amount}>{formatMoney(found.amount)}</Fact>
                {found.requested && <Fact label={t.requested}>{formatMoney(found.requested)}</Fact>}
                <Fact label={t.awardPeriod}>
                  {t.period(formatDay(found.startsOn), formatDay(found.endsOn))}
                </Fact>
                {found.requestedHours !== null && found.requestedHours !== undefined && (
                  <Fact label={t.requestedHours}>{formatNumber(found.requestedHours)}</Fact>
                )}
                <Fact label={t.team}>
                  {found.team.map((member) => member.displayName).join(', ') || t.none}
                </Fact>
                <Fact label={t.supervisor}>{found.supervisor?.displayName ?? t.none}</Fact>
              </SimpleGrid>
              {found.cappedReason && <Fact label={t.cappedReason}>{found.cappedReason}</Fact>}
              <AwardDecision awardId={found.id} actions={found.availableActions} />
            </Stack>
            <Budget budget={found.budget} />
            <Spends
              entries={found.spendEntries}
              more={<ShowMore query={award} path={['award', 'spendEntries']} label={t.moreSpends} />}
            />
            <ProtectedTime
              allocations={found.protectedTime}
              memberId={found.principalInvestigator.id}
              startsOn={found.startsOn}
              endsOn={found.endsOn}
              isMember={session.member?.id === found.principalInvestigator.id}
            />
            <History transitions={found.transitions} />
          </Stack>
        </Page>
      )}
    </QueryState>
  );
}
