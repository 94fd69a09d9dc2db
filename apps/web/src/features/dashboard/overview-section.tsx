import { Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { EngagementOverviewQuery } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';
import {
  ChartFigure,
  CountCell,
  figureColumns,
  rateText,
  StageCells,
  SuppressionNote,
  type ReleasedCount,
  type StageLine,
} from './figures';
import { ScrollTable, TableHead } from '../../lib/table';
import { dashboardMessages as t } from './messages';

type Overview = EngagementOverviewQuery['engagementOverview'];
type Edge = Overview['collaboration'][number];
type GroupMentoring = Overview['groupMentoring'];
type GroupFigure = keyof typeof t.groupFigures;

/** The average rating is 1 to 5; the other rates are fractions. */
function overviewRateText(rate: Overview['rates'][number]['rate'], value: number | null | undefined): string {
  if (rate !== 'AVERAGE_FEEDBACK_RATING') return rateText(value);
  return value === null || value === undefined ? t.notAvailable : formatNumber(value, 1);
}

/** An institution as the answer names it (membership's name), or a word for one membership could not name. */
function institutionName(institution: Edge['institutionA']): string {
  return institution?.name ?? t.anInstitution;
}

const SIZE = 420;
const RADIUS = 150;

/**
 * The collaboration network as a graph: institutions on a circle, a line for each co-authoring pair, thicker the
 * more entries they share (a suppressed pair is drawn dashed, its number withheld). Inside a ChartFigure: the
 * table beside it carries the same figures.
 */
function CollaborationGraph({ edges }: { edges: Edge[] }) {
  const names = new Map(
    edges.flatMap((edge) => [
      [edge.institutionAId, institutionName(edge.institutionA)],
      [edge.institutionBId, institutionName(edge.institutionB)],
    ]),
  );
  const ids = [...names.keys()];
  const position = new Map(
    ids.map((id, index) => {
      const angle = (2 * Math.PI * index) / ids.length - Math.PI / 2;
      return [id, { x: SIZE / 2 + RADIUS * Math.cos(angle), y: SIZE / 2 + RADIUS * Math.sin(angle) }];
    }),
  );
  const most = Math.max(1, ...edges.map((edge) => edge.proposals ?? 1));
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width="100%" style={{ maxWidth: SIZE }}>
      {edges.map((edge) => {
        const a = position.get(edge.institutionAId);
        const b = position.get(edge.institutionBId);
        if (!a || !b) return null;
        return (
          <line
            key={`${edge.institutionAId}-${edge.institutionBId}`}
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
            stroke="var(--mantine-color-indigo-7)"
            strokeWidth={1 + (5 * (edge.proposals ?? 1)) / most}
            strokeDasharray={edge.proposals === null || edge.proposals === undefined ? '4 4' : undefined}
          />
        );
      })}
      {ids.map((id) => {
        const at = position.get(id);
        if (!at) return null;
        return (
          <g key={id}>
            <circle cx={at.x} cy={at.y} r={8} fill="var(--mantine-color-teal-8)" />
            <text
              x={at.x}
              y={at.y + (at.y < SIZE / 2 ? -14 : 24)}
              textAnchor="middle"
              fontSize={12}
              fill="var(--mantine-color-dark-9)"
            >
              {names.get(id)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Coaching workshops and mastermind attendance: each count beside the network's with its career-stage line when
 * split, and the workshops' fill (a rate only between two published counts).
 */
/** One figure's row: its count, the network's beside it, and its career-stage line when split. */
function FigureRow({
  label,
  figure,
  withNetwork,
  byStage,
  explanationId,
}: {
  label: string;
  figure: ReleasedCount & {
    networkCount?: number | null;
    networkSuppressed: boolean;
    byCareerStage?: StageLine | null;
  };
  withNetwork: boolean;
  byStage: boolean;
  explanationId: string;
}) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>
        <CountCell figure={figure} explanationId={explanationId} />
      </Table.Td>
      {withNetwork && (
        <Table.Td>
          <CountCell
            figure={{ count: figure.networkCount, suppressed: figure.networkSuppressed }}
            explanationId={explanationId}
          />
        </Table.Td>
      )}
      {byStage && <StageCells line={figure.byCareerStage} explanationId={explanationId} />}
    </Table.Tr>
  );
}

function GroupMentoringSection({
  group,
  scopeName,
  withNetwork,
  byStage,
  threshold,
}: {
  group: GroupMentoring;
  scopeName: string;
  withNetwork: boolean;
  byStage: boolean;
  threshold: number;
}) {
  const noteId = useId();
  const rows = Object.keys(t.groupFigures) as GroupFigure[];
  return (
    <section aria-labelledby="group-mentoring">
      <Stack gap="xs">
        <Title order={2} size="h3" id="group-mentoring">
          {t.groupMentoringTitle}
        </Title>
        <Text size="sm">{t.groupMentoringIntro}</Text>
        <ScrollTable minWidth={byStage ? 1100 : 480}>
          <Table striped withTableBorder aria-describedby={noteId}>
            <TableHead columns={figureColumns(scopeName, withNetwork, byStage)} />
            <Table.Tbody>
              {rows.map((row) => {
                const figure = group[row];
                return (
                  <FigureRow
                    key={row}
                    label={t.groupFigures[row]}
                    figure={figure}
                    withNetwork={withNetwork}
                    byStage={byStage}
                    explanationId={noteId}
                  />
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <ScrollTable minWidth={480}>
          <Table striped withTableBorder>
            <TableHead columns={[t.rate, scopeName, withNetwork && t.networkCount]} />
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t.workshopFill}</Table.Th>
                <Table.Td>{rateText(group.workshopFill)}</Table.Td>
                {withNetwork && <Table.Td>{rateText(group.networkWorkshopFill)}</Table.Td>}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <SuppressionNote id={noteId} threshold={threshold} />
      </Stack>
    </section>
  );
}

/** Competitions and mentoring beside the network, group mentoring, and the collaboration network. */
export function OverviewSection({
  overview,
  scopeName,
  byStage = false,
}: {
  overview: Overview;
  scopeName: string;
  /** show each figure's career-stage line beside it (the filter "split by career stage") */
  byStage?: boolean;
}) {
  const noteId = useId();
  const edgeNoteId = useId();
  const withNetwork = overview.institutionId !== null && overview.institutionId !== undefined;
  return (
    <Stack gap="xl">
      <section aria-labelledby="overview">
        <Stack gap="xs">
          <Title order={2} size="h3" id="overview">
            {t.overviewTitle}
          </Title>
          {byStage && <Text size="sm">{t.byStageNote}</Text>}
          <ScrollTable minWidth={byStage ? 1100 : 480}>
            <Table striped withTableBorder aria-describedby={noteId}>
              <TableHead columns={figureColumns(scopeName, withNetwork, byStage)} />
              <Table.Tbody>
                {overview.figures.map((figure) => (
                  <FigureRow
                    key={figure.figure}
                    label={t.figures[figure.figure]}
                    figure={figure}
                    withNetwork={withNetwork}
                    byStage={byStage}
                    explanationId={noteId}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <ScrollTable minWidth={480}>
            <Table striped withTableBorder>
              <TableHead columns={[t.rate, scopeName, withNetwork && t.networkCount]} />
              <Table.Tbody>
                {overview.rates.map((rate) => (
                  <Table.Tr key={rate.rate}>
                    <Table.Th scope="row">{t.rates[rate.rate]}</Table.Th>
                    <Table.Td>{overviewRateText(rate.rate, rate.value)}</Table.Td>
                    {withNetwork && <Table.Td>{overviewRateText(rate.rate, rate.networkValue)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <SuppressionNote id={noteId} threshold={overview.suppressionThreshold} />
        </Stack>
      </section>
      <GroupMentoringSection
        group={overview.groupMentoring}
        scopeName={scopeName}
        withNetwork={withNetwork}
        byStage={byStage}
        threshold={overview.suppressionThreshold}
      />
      <section aria-labelledby="collaboration">
        <Stack gap="xs">
          <Title order={2} size="h3" id="collaboration">
            {t.collaborationTitle}
          </Title>
          <Text size="sm">{t.collaborationIntro}</Text>
          {overview.collaboration.length === 0 ? (
            <Text>{t.noCollaboration}</Text>
          ) : (
            <>
              <ChartFigure caption={t.collaborationChart(overview.collaboration.length)}>
                <CollaborationGraph edges={overview.collaboration} />
              </ChartFigure>
              <Table striped withTableBorder aria-describedby={edgeNoteId}>
                <TableHead columns={[t.institutionA, t.institutionB, t.proposals]} />
                <Table.Tbody>
                  {overview.collaboration.map((edge) => (
                    <Table.Tr key={`${edge.institutionAId}-${edge.institutionBId}`}>
                      <Table.Td>{institutionName(edge.institutionA)}</Table.Td>
                      <Table.Td>{institutionName(edge.institutionB)}</Table.Td>
                      <Table.Td>
                        {/* the service sends null for a suppressed pair */}
                        <CountCell
                          figure={{ count: edge.proposals, suppressed: edge.proposals === null }}
                          explanationId={edgeNoteId}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <SuppressionNote id={edgeNoteId} threshold={overview.suppressionThreshold} />
            </>
          )}
        </Stack>
      </section>
    </Stack>
  );
}
