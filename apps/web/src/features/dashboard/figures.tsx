import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { dashboardMessages as t } from './messages';

/** A released count, as the engagement service sends it: null when suppressed (or not available). */
export interface ReleasedCount {
  count?: number | null;
  suppressed: boolean;
}

/** What a count reads as in a table: a suppressed count is never shown as a number, least of all as 0. */
export function countText({ count, suppressed }: ReleasedCount): string {
  if (suppressed) return t.suppressed;
  if (count === null || count === undefined) return t.notAvailable;
  return formatNumber(count, 0);
}

/** A fraction as a percentage (one decimal); null (a count it needs is suppressed) is not available. */
export function rateText(value: number | null | undefined): string {
  if (value === null || value === undefined) return t.notAvailable;
  return `${formatNumber(value * 100, 1)} %`;
}

/** The number a chart plots: nothing (a gap) for a suppressed or missing count, never 0. */
export function chartValue({ count, suppressed }: ReleasedCount): number | null {
  return suppressed || count === null || count === undefined ? null : count;
}

/**
 * A count in a table cell. A suppressed one says so in words and points (aria-describedby) at the explanation
 * the table carries, so a screen reader reads why it is hidden.
 */
export function CountCell({ figure, explanationId }: { figure: ReleasedCount; explanationId: string }) {
  if (figure.suppressed)
    return (
      <Text span fs="italic" c="dark.6" size="sm" aria-describedby={explanationId} data-suppressed="true">
        {t.suppressed}
      </Text>
    );
  return <>{countText(figure)}</>;
}

/** The explanation of suppression, shown under every table that can hold a suppressed cell. */
export function SuppressionNote({ id, threshold }: { id: string; threshold: number }) {
  return (
    <Text id={id} size="sm" c="dark.6">
      {t.suppressedExplained(threshold)}
    </Text>
  );
}

/**
 * A chart for the eye: its caption says what it shows and that a table gives the same figures; the drawing
 * itself is hidden from assistive technology (the table is the accessible alternative).
 */
export function ChartFigure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text size="sm" c="dark.6">
          {caption}
        </Text>
      </figcaption>
      <div aria-hidden="true">{children}</div>
    </figure>
  );
}

/** The career stages in the order of the service's line, with the field each has on a line. */
export const STAGES = [
  ['MEDICAL_STUDENT', 'medicalStudent'],
  ['FOUNDATION_DOCTOR', 'foundationDoctor'],
  ['RESIDENT', 'resident'],
  ['CONSULTANT', 'consultant'],
  ['ACADEMIC', 'academic'],
  ['ALLIED_HEALTH', 'alliedHealth'],
  ['OTHER', 'other'],
] as const;
type StageField = (typeof STAGES)[number][1];

/** A figure split by career stage as the service sends it: a field per stage, null when suppressed. */
export type StageLine = Partial<Record<StageField, number | null>> & { __typename?: string };

/** The column headers of a career-stage split. */
export function stageColumns(): string[] {
  return STAGES.map(([stage]) => commonMessages.careerStages[stage]);
}

/** A figure table's columns: the figure, the scope, the network beside it, and the stages when split. */
export function figureColumns(scopeName: string, withNetwork: boolean, byStage: boolean) {
  return [t.figure, scopeName, withNetwork && t.networkCount, ...(byStage ? stageColumns() : [])];
}

/**
 * One cell per career stage. A suppressed stage (null) is marked as every suppressed cell is, tied to the
 * table's explanation; a figure with no split (`line` null) says so once per cell.
 * `format` shows a published value (hours, money); counts as they are.
 */
export function StageCells({
  line,
  explanationId,
  format,
}: {
  line: StageLine | null | undefined;
  explanationId: string;
  format?: (value: number) => string;
}) {
  return (
    <>
      {STAGES.map(([stage, field]) => {
        const value = line?.[field];
        return (
          <Table.Td key={stage}>
            {line === null || line === undefined ? (
              t.noSplit
            ) : value === null || value === undefined ? (
              <CountCell figure={{ count: null, suppressed: true }} explanationId={explanationId} />
            ) : format ? (
              format(value)
            ) : (
              formatNumber(value, 0)
            )}
          </Table.Td>
        );
      })}
    </>
  );
}
