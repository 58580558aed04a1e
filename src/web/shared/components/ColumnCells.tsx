import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a table's cells need to know of a column: its header, and whether its cells stay on one line. */
export interface ColumnLayout {
  header: string;
  nowrap?: boolean;
}

/** The header cells of a table, one per column. */
export function ColumnHeaders({ columns }: { columns: readonly ColumnLayout[] }) {
  return columns.map((column) => (
    <Table.Th key={column.header} scope="col">
      {column.header}
    </Table.Th>
  ));
}

/** The cells of one row, one per column, with what `cell` renders for each. */
export function ColumnCells<C extends ColumnLayout>({ columns, cell }: { columns: readonly C[]; cell: (column: C) => ReactNode }) {
  return columns.map((column) => (
    <Table.Td key={column.header} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
      {cell(column)}
    </Table.Td>
  ));
}
