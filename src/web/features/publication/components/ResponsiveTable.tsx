import { Paper, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Key, ReactNode } from 'react';
import { ColumnCells, ColumnHeaders, type ColumnLayout } from '../../../shared/components/ColumnCells.js';

export interface Column<T> extends ColumnLayout {
  cell: (row: T) => ReactNode;
}

interface ResponsiveTableProps<T> {
  /** Caption of the table and name of the list on phones. */
  caption: string;
  captionId: string;
  rows: readonly T[];
  rowKey: (row: T) => Key;
  columns: readonly Column<T>[];
  minWidth: number;
}

/**
 * A table on wide screens; on phones one card per row (the first column as its title, the others as
 * label–value pairs) instead of a wide table scrolled sideways.
 */
export function ResponsiveTable<T>({ caption, captionId, rows, rowKey, columns, minWidth }: ResponsiveTableProps<T>) {
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [first, ...rest] = columns;
  if (!first) return null;

  if (isPhone) {
    return (
      <ul className="pub-cards" aria-label={caption}>
        {rows.map((row) => (
          <li key={rowKey(row)}>
            <Paper withBorder p="sm">
              <Text component="div" fw={700} size="sm" mb={6}>
                {first.cell(row)}
              </Text>
              <dl className="pub-fields">
                {rest.map((column) => (
                  <div key={column.header}>
                    <dt>{column.header}</dt>
                    <dd>{column.cell(row)}</dd>
                  </div>
                ))}
              </dl>
            </Paper>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" miw={minWidth} captionSide="top">
        <Table.Caption id={captionId} className="table-caption">
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <ColumnHeaders columns={columns} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} style={{ verticalAlign: 'top' }}>
              <ColumnCells columns={columns} cell={(column) => column.cell(row)} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
