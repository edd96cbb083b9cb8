import {
  Box,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  useMatches,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useId, useState } from 'react';

export interface TableColumn {
  label: string;
  numeric?: boolean;
}

export interface WidgetTable {
  columns: TableColumn[];
  rows: { key: string; cells: ReactNode[] }[];
  /** A totals row, under the others. */
  footer?: ReactNode[];
}

/** A plain, readable table: the widgets' alternative to their charts, and the tables themselves. */
export function DataTable({
  table,
  labelledBy,
  minWidth,
}: {
  table: WidgetTable;
  labelledBy: string;
  minWidth?: number;
}) {
  const align = (column: TableColumn | undefined) => (column?.numeric ? 'right' : 'left');
  // Phones: tighter columns, so four of them fit in a card without scrolling.
  const spacing = useMatches({ base: 6, sm: 10 }, { getInitialValueInEffect: false });
  const body = (
    <Table
      aria-labelledby={labelledBy}
      verticalSpacing={6}
      horizontalSpacing={spacing}
      fz={{ base: 'xs', xs: 'sm' }}
      striped
      highlightOnHover
    >
      <Table.Thead>
        <Table.Tr>
          {table.columns.map((column) => (
            <Table.Th key={column.label} ta={align(column)} style={{ whiteSpace: 'nowrap' }}>
              {column.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) => (
          <Table.Tr key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <Table.Th key={table.columns[index]?.label} scope="row" fw={500}>
                  {cell}
                </Table.Th>
              ) : (
                <Table.Td
                  key={table.columns[index]?.label}
                  ta={align(table.columns[index])}
                  style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                >
                  {cell}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
      {table.footer ? (
        <Table.Tfoot>
          <Table.Tr>
            {table.footer.map((cell, index) =>
              index === 0 ? (
                <Table.Th key={table.columns[index]?.label} scope="row">
                  {cell}
                </Table.Th>
              ) : (
                <Table.Td
                  key={table.columns[index]?.label}
                  ta={align(table.columns[index])}
                  fw={600}
                  style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                >
                  {cell}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        </Table.Tfoot>
      ) : null}
    </Table>
  );
  // Never wider than the card: past its minimum width, the table scrolls within it.
  return (
    <Table.ScrollContainer minWidth={minWidth ?? 280} type="native">
      {body}
    </Table.ScrollContainer>
  );
}

/**
 * One dashboard widget: a titled card whose chart is a `figure` named by the title and described
 * by a text summary, with a "Chart | Table" switch to the same figures as a table.
 */
export function ChartWidget({
  title,
  description,
  summary,
  table,
  children,
}: {
  title: string;
  description?: string;
  /** The chart's content in words, for screen readers (the figure's caption). */
  summary: string;
  table: WidgetTable;
  children: ReactNode;
}) {
  const titleId = useId();
  const captionId = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card withBorder radius="md" padding="md" h="100%">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <WidgetHeading titleId={titleId} title={title} description={description} />
          <SegmentedControl
            size="xs"
            aria-label={`Show ${title} as`}
            value={view}
            onChange={(next) => setView(next === 'table' ? 'table' : 'chart')}
            data={[
              { value: 'chart', label: 'Chart' },
              { value: 'table', label: 'Table' },
            ]}
            style={{ flexShrink: 0 }}
          />
        </Group>
        {view === 'chart' ? (
          <Box
            component="figure"
            m={0}
            aria-labelledby={titleId}
            aria-describedby={captionId}
            style={{ flexGrow: 1 }}
          >
            {children}
            <VisuallyHidden component="figcaption" id={captionId}>
              {summary}
            </VisuallyHidden>
          </Box>
        ) : (
          <DataTable table={table} labelledBy={titleId} />
        )}
      </Stack>
    </Card>
  );
}

/** A widget that is a table in the first place (sources, the leaderboard). */
export function TableWidget({
  title,
  description,
  table,
  minWidth,
}: {
  title: string;
  description?: string;
  table: WidgetTable;
  minWidth?: number;
}) {
  const titleId = useId();
  return (
    <Card withBorder radius="md" padding="md" h="100%">
      <Stack gap="sm">
        <WidgetHeading titleId={titleId} title={title} description={description} />
        <DataTable table={table} labelledBy={titleId} {...(minWidth ? { minWidth } : {})} />
      </Stack>
    </Card>
  );
}

/** A widget's title (it names the chart or table) and its one-line explanation. */
function WidgetHeading({
  titleId,
  title,
  description,
}: {
  titleId: string;
  title: string;
  description?: string | undefined;
}) {
  return (
    <Box miw={0}>
      <Title order={2} fz="md" fw={600} id={titleId}>
        {title}
      </Title>
      {description ? (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      ) : null}
    </Box>
  );
}
