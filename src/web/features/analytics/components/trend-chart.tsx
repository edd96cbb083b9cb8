import { BarChart, LineChart } from '@mantine/charts';
import { Box } from '@mantine/core';
import type { AnalyticsSummary } from '../../../../contracts/analytics.ts';
import { formatCount, formatWeek, formatWeekLong } from './analytics-format.ts';
import { ChartWidget } from './widget-card.tsx';

/** Past this many weeks, bars get too thin to read: a line instead. */
const MAX_BAR_WEEKS = 14;

const series = [
  { name: 'created', label: 'Created', color: 'blue.6' },
  { name: 'converted', label: 'Converted', color: 'green.6' },
];

/** Leads created and converted each week (Monday to Sunday, UTC). */
export function TrendChart({ summary }: { summary: AnalyticsSummary }) {
  const data = summary.trend.map((week) => ({
    week: formatWeek(week.weekStart),
    created: week.created,
    converted: week.converted,
  }));
  const created = summary.trend.reduce((sum, week) => sum + week.created, 0);
  const converted = summary.trend.reduce((sum, week) => sum + week.converted, 0);
  const weeks = summary.trend.length;
  const common = {
    h: 290,
    data,
    dataKey: 'week',
    series,
    withLegend: true,
    legendProps: {
      verticalAlign: 'top' as const,
      height: 36,
      // Recharts sorts the legend by name; "Created" reads first, as the bars stand.
      itemSorter: (item: { dataKey?: unknown }) => (item.dataKey === 'created' ? 0 : 1),
    },
    yAxisProps: { allowDecimals: false, width: 36 },
    xAxisProps: { minTickGap: 12 },
    gridAxis: 'y' as const,
    valueFormatter: formatCount,
    tooltipAnimationDuration: 150,
  };
  return (
    <ChartWidget
      title="Leads created and converted per week"
      description="Weeks start on Monday (UTC)"
      summary={`Over ${formatCount(weeks)} ${weeks === 1 ? 'week' : 'weeks'}: ${formatCount(created)} created, ${formatCount(converted)} converted. ${summary.trend
        .map(
          (week) =>
            `Week of ${formatWeekLong(week.weekStart)}: ${formatCount(week.created)} created, ${formatCount(week.converted)} converted.`,
        )
        .join(' ')}`}
      table={{
        columns: [
          { label: 'Week of' },
          { label: 'Created', numeric: true },
          { label: 'Converted', numeric: true },
        ],
        rows: summary.trend.map((week) => ({
          key: week.weekStart,
          cells: [
            formatWeekLong(week.weekStart),
            formatCount(week.created),
            formatCount(week.converted),
          ],
        })),
        footer: ['Total', formatCount(created), formatCount(converted)],
      }}
    >
      <Box aria-hidden>
        {weeks > MAX_BAR_WEEKS ? (
          <LineChart
            {...common}
            curveType="monotone"
            withDots={false}
            lineChartProps={{ accessibilityLayer: false }}
          />
        ) : (
          <BarChart {...common} maxBarWidth={28} barChartProps={{ accessibilityLayer: false }} />
        )}
      </Box>
    </ChartWidget>
  );
}
