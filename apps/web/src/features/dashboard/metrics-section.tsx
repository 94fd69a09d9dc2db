import { List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import type { EngagementMetricsInput, EngagementMetricsQuery, MetricFigure } from '../../gql/graphql';
import { formatMoney, formatNumber } from '../../lib/format';
import { QueryState } from '../../lib/query-state';
import { ScrollTable, TableHead } from '../../lib/table';
import { CountCell, rateText, figureColumns, StageCells, stageColumns, SuppressionNote } from './figures';
import { dashboardMessages as t } from './messages';
import { useSession } from '../../session/session-context';
import { EngagementMetricsDocument } from './operations';

type Metrics = EngagementMetricsQuery;
type FigureValue = Metrics['engagementProgrammes']['buckets'][number]['figures'][number];
type RateValue = Metrics['engagementProgrammes']['buckets'][number]['rates'][number];
type MoneyValue = Metrics['engagementFunding']['buckets'][number]['money'][number];

/** Minutes are sums shown in hours; head counts as they are. */
const MINUTES: ReadonlySet<MetricFigure> = new Set(['MINUTES_ALLOCATED', 'MINUTES_LOGGED']);

/** Minutes as whole hours, as the figure's own cell shows them. */
function hours(minutes: number): string {
  return formatNumber(Math.round(minutes / 6) / 10, 0);
}

function FigureCell({
  value,
  suppressed,
  figure,
  noteId,
}: {
  value: number | null | undefined;
  suppressed: boolean;
  figure: MetricFigure;
  noteId: string;
}) {
  const shown =
    MINUTES.has(figure) && value !== null && value !== undefined ? Math.round(value / 6) / 10 : value;
  return <CountCell figure={{ count: shown, suppressed }} explanationId={noteId} />;
}

/** The rows of one bucket's figures and rates, the scope beside the network. */
function MetricRows({
  figures,
  rates,
  withNetwork,
  byStage,
  noteId,
}: {
  figures: FigureValue[];
  rates: RateValue[];
  withNetwork: boolean;
  byStage: boolean;
  noteId: string;
}) {
  return (
    <>
      {figures.map((figure) => (
        <Table.Tr key={figure.figure}>
          <Table.Th scope="row">{t.metricFigures[figure.figure]}</Table.Th>
          <Table.Td>
            <FigureCell {...figure} noteId={noteId} />
          </Table.Td>
          {withNetwork && (
            <Table.Td>
              <FigureCell
                value={figure.networkValue}
                suppressed={figure.networkSuppressed}
                figure={figure.figure}
                noteId={noteId}
              />
            </Table.Td>
          )}
          {byStage && (
            <StageCells
              line={figure.byCareerStage}
              explanationId={noteId}
              format={MINUTES.has(figure.figure) ? hours : undefined}
            />
          )}
        </Table.Tr>
      ))}
      {rates.map((rate) => (
        <Table.Tr key={rate.rate}>
          <Table.Th scope="row">{t.metricRates[rate.rate]}</Table.Th>
          <Table.Td>{rateText(rate.value)}</Table.Td>
          {withNetwork && <Table.Td>{rateText(rate.networkValue)}</Table.Td>}
          {byStage && <Table.Td colSpan={stageColumns().length}>{t.noSplit}</Table.Td>}
        </Table.Tr>
      ))}
    </>
  );
}

function moneyText(amount: MoneyValue['amount'], suppressed: boolean): string {
  if (suppressed) return t.suppressed;
  return amount ? formatMoney(amount) : t.notAvailable;
}

function MetricTable({
  title,
  id,
  scopeName,
  withNetwork,
  byStage,
  threshold,
  children,
}: {
  title: string;
  id: string;
  scopeName: string;
  withNetwork: boolean;
  byStage: boolean;
  threshold: number;
  children: (noteId: string) => React.ReactNode;
}) {
  const noteId = useId();
  return (
    <section aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <ScrollTable minWidth={byStage ? 1100 : 480}>
          <Table striped withTableBorder aria-describedby={noteId}>
            <TableHead columns={figureColumns(scopeName, withNetwork, byStage)} />
            <Table.Tbody>{children(noteId)}</Table.Tbody>
          </Table>
        </ScrollTable>
        <SuppressionNote id={noteId} threshold={threshold} />
      </Stack>
    </section>
  );
}

/** Programmes, funding and protected time in the chosen period, and the members whose protected time is at risk. */
export function MetricsSection({
  input,
  bucketLabel,
  scopeName,
  byStage = false,
}: {
  input: EngagementMetricsInput & { institutionId: string | null };
  bucketLabel: string | null;
  scopeName: string;
  /** show each figure's career-stage line beside it (the filter "split by career stage") */
  byStage?: boolean;
}) {
  // funds are named for admins (funding names them on the money rows' references); others see the currency only
  const namedFunds = useSession().hasRole('ADMIN');
  // the members at risk are named by membership through the answer's references; one it cannot name comes back
  // null beside an error, and the figures still show (errorPolicy 'all')
  const metrics = useQuery(EngagementMetricsDocument, {
    variables: { input, byStage, namedFunds },
    errorPolicy: 'all',
  });
  return (
    <QueryState data={metrics.data ?? undefined} loading={metrics.loading} error={metrics.error}>
      {({ engagementProgrammes: programmes, engagementFunding: funding }) => {
        const pick = <B extends { label: string }>(buckets: B[]) =>
          buckets.find((bucket) => bucket.label === bucketLabel) ?? buckets[buckets.length - 1];
        const programmeBucket = pick(programmes.buckets);
        const fundingBucket = pick(funding.buckets);
        const withNetwork = input.institutionId !== null;
        return (
          <Stack gap="xl" aria-busy={metrics.loading}>
            {programmeBucket && (
              <MetricTable
                title={t.programmesTitle(programmeBucket.label)}
                id="programmes"
                scopeName={scopeName}
                withNetwork={withNetwork}
                byStage={byStage}
                threshold={programmes.suppressionThreshold}
              >
                {(noteId) => (
                  <MetricRows
                    figures={programmeBucket.figures}
                    rates={programmeBucket.rates}
                    withNetwork={withNetwork}
                    byStage={byStage}
                    noteId={noteId}
                  />
                )}
              </MetricTable>
            )}
            {fundingBucket && (
              <MetricTable
                title={t.fundingTitle(fundingBucket.label)}
                id="funding"
                scopeName={scopeName}
                withNetwork={withNetwork}
                byStage={byStage}
                threshold={funding.suppressionThreshold}
              >
                {(noteId) => (
                  <>
                    <MetricRows
                      figures={fundingBucket.figures}
                      rates={fundingBucket.rates}
                      withNetwork={withNetwork}
                      byStage={byStage}
                      noteId={noteId}
                    />
                    {fundingBucket.money.map((money) => (
                      <Table.Tr key={`${money.measure}-${money.fundId ?? ''}-${money.currency}`}>
                        <Table.Th scope="row">
                          {t.measures[money.measure]} ({money.fund?.name ?? money.currency})
                        </Table.Th>
                        <Table.Td>{moneyText(money.amount, money.suppressed)}</Table.Td>
                        {withNetwork && (
                          <Table.Td>{moneyText(money.networkAmount, money.networkSuppressed)}</Table.Td>
                        )}
                        {byStage && (
                          <StageCells
                            line={money.byCareerStage}
                            explanationId={noteId}
                            format={(amountMinor) => formatMoney({ amountMinor, currency: money.currency })}
                          />
                        )}
                      </Table.Tr>
                    ))}
                  </>
                )}
              </MetricTable>
            )}
            <section aria-labelledby="at-risk">
              <Stack gap="xs">
                <Title order={2} size="h3" id="at-risk">
                  {t.atRiskTitle}
                </Title>
                {funding.atRisk.length === 0 ? (
                  <Text>{t.noneAtRisk}</Text>
                ) : (
                  <List>
                    {funding.atRisk.map((member) => (
                      <List.Item key={member.memberId}>
                        {t.atRiskSince(member.member?.displayName ?? t.aMember, member.episodeStartedWeek)}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            </section>
          </Stack>
        );
      }}
    </QueryState>
  );
}
