import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from '../../lib/format';
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
