import { Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { EngagementDimension, EngagementFunnelInput, Granularity } from '../../gql/graphql';
import { saveFile } from '../../lib/download';
import { useSession } from '../../session/session-context';
import { dashboardMessages as t, type ExportTable } from './messages';

const DEMOGRAPHIC_SPLITS: ReadonlySet<EngagementDimension> = new Set([
  'GENDER',
  'ETHNICITY_GROUP',
  'DISABILITY',
  'FIRST_GENERATION',
]);

/**
 * The funnel's granularity: a demographic split is answered per year only (engagement refuses another, since a
 * quarter beside its months would give a hidden month back), whatever the other tables use.
 */
export function funnelGranularity(
  splitBy: EngagementDimension | null | undefined,
  granularity: Granularity,
): Granularity {
  return splitBy && DEMOGRAPHIC_SPLITS.has(splitBy) ? 'YEAR' : granularity;
}

/** The gateway's plain CSV URL of one table (`/exports/engagement/<table>`), with the dashboard's filters. */
export function exportUrl(table: ExportTable, filters: EngagementFunnelInput): string {
  const query = new URLSearchParams({
    from: String(filters.from),
    to: String(filters.to),
    granularity:
      table === 'FUNNEL' ? funnelGranularity(filters.splitBy, filters.granularity) : filters.granularity,
    ...(filters.institutionId ? { institutionId: String(filters.institutionId) } : {}),
    ...(filters.splitBy && filters.splitBy !== 'NONE' ? { splitBy: filters.splitBy } : {}),
  });
  return `/exports/engagement/${table.toLowerCase().replace(/_/g, '-')}?${query.toString()}`;
}

/** The refusal's words: the server's message and each named field's, else the status. */
async function refusalOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: string; fields?: Array<{ message: string }> };
    const fields = (body.fields ?? []).map((field) => field.message);
    return [body.message, ...fields].filter(Boolean).join(': ') || t.exportFailed(response.status);
  } catch {
    return t.exportFailed(response.status);
  }
}

/**
 * Downloads one metric table as CSV for the dashboard's filters from the same plain URL a BI tool uses: the same
 * figures, scope rules and suppression as the pages show. The access token goes in the Authorization header from
 * the session's memory (never into the URL, a cookie or storage), and the answer is saved from a Blob.
 */
export function ExportCsv({ filters }: { filters: EngagementFunnelInput }) {
  const session = useSession();
  const [table, setTable] = useState<ExportTable>('FUNNEL');
  const [loading, setLoading] = useState(false);
  const download = async () => {
    setLoading(true);
    try {
      const token = await session.freshToken();
      const response = await fetch(exportUrl(table, filters), {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        credentials: 'omit',
      });
      if (!response.ok) throw new Error(await refusalOf(response));
      const filename =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `engagement-${table.toLowerCase()}.csv`;
      saveFile(await response.text(), filename, response.headers.get('content-type') ?? 'text/csv');
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setLoading(false);
    }
  };
  return (
    <Group align="flex-end" gap="sm" role="group" aria-label={t.exportTitle}>
      <Select
        label={t.exportTable}
        data={Object.entries(t.exportTables).map(([value, label]) => ({ value, label }))}
        value={table}
        onChange={(value) => value && setTable(value as ExportTable)}
        allowDeselect={false}
        w={260}
      />
      <Button variant="outline" loading={loading} onClick={() => void download()}>
        {loading ? t.exporting : t.exportCsv}
      </Button>
    </Group>
  );
}
