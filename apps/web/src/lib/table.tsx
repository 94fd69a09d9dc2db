import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table's header row: one column header per entry (null or false: no column), each scoped to its column. */
export function TableHead({ columns }: { columns: ReadonlyArray<ReactNode> }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns
          .filter((column) => column !== null && column !== false)
          .map((column, index) => (
            <Table.Th scope="col" key={index}>
              {column}
            </Table.Th>
          ))}
      </Table.Tr>
    </Table.Thead>
  );
}
