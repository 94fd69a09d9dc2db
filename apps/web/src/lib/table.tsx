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

/**
 * A wide table that scrolls sideways on a narrow screen. The scrolling box takes keyboard focus (tabIndex 0), so
 * a keyboard user can scroll it with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    <div className="scroll-table" style={{ overflowX: 'auto' }} tabIndex={0}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
