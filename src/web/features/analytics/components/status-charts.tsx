import { BarChart, DonutChart } from '@mantine/charts';
import {
  Box,
  ColorSwatch,
  Group,
  getThemeColor,
  Stack,
  Text,
  useMantineTheme,
} from '@mantine/core';
import type { AnalyticsSummary } from '../../../../contracts/analytics.ts';
import { leadStatuses, leadStatusLabels } from '../../../../contracts/leads.ts';
import { formatCount, formatPercent, share, statusChartColors } from './analytics-format.ts';
import { ChartWidget, type WidgetTable } from './widget-card.tsx';

function statusRows(summary: AnalyticsSummary) {
  return leadStatuses.map((status) => ({
    status,
    label: leadStatusLabels[status],
    count: summary.byStatus[status],
    share: share(summary.byStatus[status], summary.total),
    color: statusChartColors[status],
  }));
}

function statusTable(summary: AnalyticsSummary): WidgetTable {
  return {
    columns: [
      { label: 'Status' },
      { label: 'Leads', numeric: true },
      { label: 'Share', numeric: true },
    ],
    rows: statusRows(summary).map((row) => ({
      key: row.status,
      cells: [row.label, formatCount(row.count), formatPercent(row.share)],
    })),
    footer: ['Total', formatCount(summary.total), formatPercent(summary.total > 0 ? 1 : 0)],
  };
}

function statusSummary(summary: AnalyticsSummary): string {
  return `${formatCount(summary.total)} leads: ${statusRows(summary)
    .map((row) => `${row.label} ${formatCount(row.count)} (${formatPercent(row.share)})`)
    .join(', ')}.`;
}

/** The share of each status: a donut with the total in its middle and a legend that reads as a list. */
export function StatusDistribution({ summary }: { summary: AnalyticsSummary }) {
  const theme = useMantineTheme();
  const rows = statusRows(summary);
  return (
    <ChartWidget
      title="Status distribution"
      description="Share of leads in each status"
      summary={statusSummary(summary)}
      table={statusTable(summary)}
    >
      <Group justify="center" align="center" gap="lg" wrap="wrap" py={4} aria-hidden>
        <DonutChart
          data={rows
            .filter((row) => row.count > 0)
            .map((row) => ({ name: row.label, value: row.count, color: row.color }))}
          size={168}
          thickness={26}
          paddingAngle={1}
          chartLabel={formatCount(summary.total)}
          tooltipDataSource="segment"
          valueFormatter={formatCount}
          pieChartProps={{ accessibilityLayer: false }}
        />
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((row) => (
            <Group key={row.status} component="li" gap={8} wrap="nowrap">
              <ColorSwatch color={getThemeColor(row.color, theme)} size={10} withShadow={false} />
              <Text size="sm" w={80}>
                {row.label}
              </Text>
              <Text
                size="sm"
                fw={600}
                w={32}
                ta="right"
                style={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {formatCount(row.count)}
              </Text>
              <Text
                size="xs"
                c="dimmed"
                w={48}
                ta="right"
                style={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {formatPercent(row.share)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </ChartWidget>
  );
}

/** Leads per status, one bar each, in pipeline order. */
export function StatusBars({ summary }: { summary: AnalyticsSummary }) {
  const rows = statusRows(summary);
  return (
    <ChartWidget
      title="Leads by status"
      description="Leads in each status, in pipeline order"
      summary={statusSummary(summary)}
      table={statusTable(summary)}
    >
      <Box aria-hidden>
        <BarChart
          h={250}
          data={rows.map((row) => ({ status: row.label, leads: row.count, color: row.color }))}
          dataKey="status"
          series={[{ name: 'leads', label: 'Leads' }]}
          orientation="vertical"
          yAxisProps={{ width: 80 }}
          xAxisProps={{ allowDecimals: false }}
          gridAxis="x"
          withBarValueLabel
          valueFormatter={formatCount}
          maxBarWidth={26}
          tooltipAnimationDuration={150}
          barChartProps={{ accessibilityLayer: false }}
        />
      </Box>
    </ChartWidget>
  );
}
