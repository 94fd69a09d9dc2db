import { Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLazyQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { EngagementExportInput, EngagementExportTable } from '../../gql/graphql';
import { saveFile } from '../../lib/download';
import { messageOf } from '../../lib/errors';
import { dashboardMessages as t } from './messages';
import { EngagementExportDocument } from './operations';

/**
 * Downloads one metric table as CSV for the dashboard's filters: the same figures, scope rules and suppression
 * as the pages show (`engagementExport`). The CSV comes inside the GraphQL answer and is saved from a Blob; a
 * plain download URL (engagement) can replace the query once it lands.
 */
export function ExportCsv({ filters }: { filters: Omit<EngagementExportInput, 'table'> }) {
  const [table, setTable] = useState<EngagementExportTable>('FUNNEL');
  const [load, state] = useLazyQuery(EngagementExportDocument, { fetchPolicy: 'network-only' });
  const download = async () => {
    try {
      const { data } = await load({ variables: { input: { ...filters, table } } });
      const file = data?.engagementExport;
      if (file) saveFile(file.csv, file.filename, file.contentType);
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Group align="flex-end" gap="sm" role="group" aria-label={t.exportTitle}>
      <Select
        label={t.exportTable}
        data={Object.entries(t.exportTables).map(([value, label]) => ({ value, label }))}
        value={table}
        onChange={(value) => value && setTable(value as EngagementExportTable)}
        allowDeselect={false}
        w={260}
      />
      <Button variant="outline" loading={state.loading} onClick={() => void download()}>
        {state.loading ? t.exporting : t.exportCsv}
      </Button>
    </Group>
  );
}
