import { BarChart, LineChart } from '@mantine/charts';
import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { EngagementDimension, EngagementFunnelQuery, FunnelStep } from '../../gql/graphql';
import { ChartFigure, CountCell, chartValue, rateText, SuppressionNote } from './figures';
import { commonMessages } from '../../lib/messages';
import { ScrollTable, TableHead } from '../../lib/table';
import { demographicsMessages } from '../demographics/messages';
import { dashboardMessages as t } from './messages';

type Funnel = EngagementFunnelQuery['engagementFunnel'];
type Bucket = Funnel['buckets'][number];
/** A row of a split: a career stage, a voluntary answer, or an institution with its name from membership. */
type FunnelGroup = Bucket['groups'][number];

/** Every label a split's group can have: a career stage, a voluntary answer, or "not answered". */
const GROUP_LABELS: Record<string, string> = {
  ...commonMessages.careerStages,
  ...demographicsMessages.genders,
  ...demographicsMessages.ethnicities,
  ...demographicsMessages.yesNo,
  NOT_ANSWERED: t.notAnswered,
};

/** A split's row by name: an institution as membership names it on the row, any other group by its label. */
function groupName(dimension: EngagementDimension, group: FunnelGroup): string {
  if (dimension === 'INSTITUTION') return group.institution?.name ?? t.anInstitution;
  return GROUP_LABELS[group.group] ?? group.group;
}

const STEPS = Object.keys(t.steps) as FunnelStep[];
/** The steps drawn over time: the ends of the funnel and mentoring, so the lines stay readable. */
const OVER_TIME: FunnelStep[] = ['SUBMITTED', 'WINNERS', 'TIME_LOGGED', 'MENTORED'];
const COLOURS = ['indigo.7', 'teal.8', 'orange.8', 'grape.7'];

/** The funnel of one period: chart (for the eye) and table (the same figures, for everyone). */
function BucketFunnel({
  bucket,
  scopeName,
  withNetwork,
  threshold,
}: {
  bucket: Bucket;
  scopeName: string;
  withNetwork: boolean;
  threshold: number;
}) {
  const noteId = useId();
  const network = new Map(bucket.network.map((figure) => [figure.step, figure]));
  const data = bucket.steps.map((figure) => ({
    step: t.steps[figure.step],
    here: chartValue(figure),
    ...(withNetwork ? { network: chartValue(network.get(figure.step) ?? { suppressed: true }) } : {}),
  }));
  return (
    <Stack gap="xs">
      <ChartFigure caption={t.funnelChart(scopeName, bucket.label)}>
        <BarChart
          h={360}
          data={data}
          dataKey="step"
          orientation="vertical"
          accessibilityLayer={false}
          withLegend={withNetwork}
          barProps={{ isAnimationActive: false }}
          yAxisProps={{ width: 170 }}
          series={[
            { name: 'here', label: scopeName, color: 'indigo.7' },
            ...(withNetwork ? [{ name: 'network', label: t.network, color: 'gray.6' }] : []),
          ]}
        />
      </ChartFigure>
      <ScrollTable minWidth={560}>
        <Table striped withTableBorder aria-describedby={noteId}>
          <Table.Caption>{`${scopeName}, ${bucket.label}`}</Table.Caption>
          <TableHead
            columns={[t.step, t.count, t.fromPrevious, t.fromMembers, withNetwork && t.networkCount]}
          />
          <Table.Tbody>
            {bucket.steps.map((figure) => (
              <Table.Tr key={figure.step}>
                <Table.Th scope="row">{t.steps[figure.step]}</Table.Th>
                <Table.Td>
                  <CountCell figure={figure} explanationId={noteId} />
                </Table.Td>
                <Table.Td>{figure.step === 'MENTORED' ? '' : rateText(figure.fromPrevious)}</Table.Td>
                <Table.Td>{rateText(figure.fromMembers)}</Table.Td>
                {withNetwork && (
                  <Table.Td>
                    <CountCell
                      figure={network.get(figure.step) ?? { suppressed: true }}
                      explanationId={noteId}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="sm" c="dark.6">
        {t.mentoredBeside}
      </Text>
      <SuppressionNote id={noteId} threshold={threshold} />
    </Stack>
  );
}

/** Rows (periods or groups) by funnel step, every cell a released or suppressed count. */
function StepsTable({
  caption,
  firstColumn,
  rows,
  noteId,
}: {
  caption?: string;
  firstColumn: string;
  rows: { key: string; label: string; steps: Bucket['steps'] }[];
  noteId: string;
}) {
  return (
    <ScrollTable minWidth={900}>
      <Table striped withTableBorder aria-describedby={noteId}>
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{firstColumn}</Table.Th>
            {STEPS.map((step) => (
              <Table.Th scope="col" key={step}>
                {t.steps[step]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row">{row.label}</Table.Th>
              {row.steps.map((figure) => (
                <Table.Td key={figure.step}>
                  <CountCell figure={figure} explanationId={noteId} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Each step's count per period: a line chart and its table. */
function OverTime({ funnel }: { funnel: Funnel }) {
  const noteId = useId();
  const data = funnel.buckets.map((bucket) => {
    const row: Record<string, string | number | null> = { period: bucket.label };
    for (const figure of bucket.steps) row[figure.step] = chartValue(figure);
    return row;
  });
  return (
    <section aria-labelledby="over-time">
      <Stack gap="xs">
        <Title order={2} size="h3" id="over-time">
          {t.overTimeTitle}
        </Title>
        <ChartFigure caption={t.overTimeChart}>
          <LineChart
            h={260}
            data={data}
            dataKey="period"
            accessibilityLayer={false}
            withLegend
            lineProps={{ isAnimationActive: false }}
            series={OVER_TIME.map((step, index) => ({
              name: step,
              label: t.steps[step],
              color: COLOURS[index],
            }))}
          />
        </ChartFigure>
        <StepsTable
          firstColumn={t.periodColumn}
          rows={funnel.buckets.map((bucket) => ({
            key: bucket.label,
            label: bucket.label,
            steps: bucket.steps,
          }))}
          noteId={noteId}
        />
        <SuppressionNote id={noteId} threshold={funnel.suppressionThreshold} />
      </Stack>
    </section>
  );
}

/** The funnel of one period split into groups (career stage, institution or a voluntary answer). */
export function SplitTable({
  bucket,
  dimension,
  threshold,
}: {
  bucket: Bucket;
  dimension: EngagementDimension;
  threshold: number;
}) {
  const noteId = useId();
  return (
    <section aria-labelledby="split">
      <Stack gap="xs">
        <Title order={2} size="h3" id="split">
          {t.splitTitle(t.dimensions[dimension])}
        </Title>
        {dimension !== 'CAREER_STAGE' && dimension !== 'INSTITUTION' && (
          <Text size="sm">{t.demographicSplit}</Text>
        )}
        <StepsTable
          caption={bucket.label}
          firstColumn={t.group}
          rows={bucket.groups.map((group) => ({
            key: group.group,
            label: groupName(dimension, group),
            steps: group.steps,
          }))}
          noteId={noteId}
        />
        <SuppressionNote id={noteId} threshold={threshold} />
      </Stack>
    </section>
  );
}

/** The funnel: a period to look at (the newest by default), its funnel, the split and every period over time. */
export function FunnelSection({
  funnel,
  scopeName,
  chosen,
  onChoose,
}: {
  funnel: Funnel;
  scopeName: string;
  /** The period shown (the newest when none is chosen); the page's other sections show the same one. */
  chosen: string | null;
  onChoose: (label: string | null) => void;
}) {
  const labels = funnel.buckets.map((bucket) => bucket.label);
  const label = chosen && labels.includes(chosen) ? chosen : labels[labels.length - 1];
  const bucket = funnel.buckets.find((candidate) => candidate.label === label);
  if (!bucket) return <Text>{t.noData}</Text>;
  return (
    <Stack gap="xl">
      <section aria-labelledby="funnel">
        <Stack gap="xs">
          <Title order={2} size="h3" id="funnel">
            {t.funnelTitle}
          </Title>
          <Select
            label={t.bucket}
            data={[...labels].reverse()}
            value={label}
            onChange={onChoose}
            allowDeselect={false}
            maw={240}
          />
          <BucketFunnel
            bucket={bucket}
            scopeName={scopeName}
            withNetwork={funnel.institutionId !== null && funnel.institutionId !== undefined}
            threshold={funnel.suppressionThreshold}
          />
        </Stack>
      </section>
      {funnel.splitBy !== 'NONE' && (
        <SplitTable bucket={bucket} dimension={funnel.splitBy} threshold={funnel.suppressionThreshold} />
      )}
      <OverTime funnel={funnel} />
    </Stack>
  );
}
