import { Group, Progress, Text } from '@mantine/core';
import type { AnalyticsSummary } from '../../../../contracts/analytics.ts';
import { leadSourceLabels } from '../../../../contracts/leads.ts';
import { formatCount, formatPercent, share } from './analytics-format.ts';
import { TableWidget } from './widget-card.tsx';

/** A rate as text, with a thin bar beside it for a glance (the text is what is read out). */
export function RateCell({ rate }: { rate: number }) {
  return (
    <Group gap={8} wrap="nowrap" justify="flex-end">
      <Progress
        value={rate * 100}
        color="green"
        size="sm"
        w={56}
        visibleFrom="xs"
        aria-hidden
        style={{ flexShrink: 0 }}
      />
      <Text span fz="inherit" miw={46} ta="right">
        {formatPercent(rate)}
      </Text>
    </Group>
  );
}

/** Leads and conversions per source, most leads first, as the API orders them. */
export function SourceTable({ summary }: { summary: AnalyticsSummary }) {
  const converted = summary.bySource.reduce((sum, row) => sum + row.converted, 0);
  return (
    <TableWidget
      title="Leads by source"
      description="Where the range's leads came from, and how many converted"
      table={{
        columns: [
          { label: 'Source' },
          { label: 'Leads', numeric: true },
          { label: 'Converted', numeric: true },
          { label: 'Conversion', numeric: true },
        ],
        rows: summary.bySource.map((row) => ({
          key: row.source,
          cells: [
            leadSourceLabels[row.source],
            formatCount(row.total),
            formatCount(row.converted),
            <RateCell key="rate" rate={share(row.converted, row.total)} />,
          ],
        })),
        footer: [
          'Total',
          formatCount(summary.total),
          formatCount(converted),
          <RateCell key="rate" rate={summary.conversionRate} />,
        ],
      }}
    />
  );
}
