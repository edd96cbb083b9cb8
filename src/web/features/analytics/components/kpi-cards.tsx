import { Group, Paper, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import {
  IconCalendarTime,
  IconCash,
  IconTargetArrow,
  IconTrophy,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useId } from 'react';
import type { AnalyticsSummary } from '../../../../contracts/analytics.ts';
import { formatAmount } from '../../../lib/money.ts';
import classes from './analytics.module.css';
import { formatCount, formatDays, formatPercent } from './analytics-format.ts';

interface Kpi {
  label: string;
  value: string;
  hint: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  color: string;
}

function kpisOf(summary: AnalyticsSummary): Kpi[] {
  const { byStatus } = summary;
  const closed = byStatus.converted + byStatus.lost;
  const open = byStatus.new + byStatus.contacted + byStatus.qualified;
  const plural = (n: number, one: string, many: string) =>
    `${formatCount(n)} ${n === 1 ? one : many}`;
  return [
    {
      label: 'Total leads',
      value: formatCount(summary.total),
      hint: 'Created in this range',
      icon: IconUsersGroup,
      color: 'blue',
    },
    {
      label: 'Conversion rate',
      value: formatPercent(summary.conversionRate),
      hint: `${formatCount(byStatus.converted)} of ${plural(summary.total, 'lead', 'leads')} converted`,
      icon: IconTargetArrow,
      color: 'green',
    },
    {
      label: 'Win rate',
      value: formatPercent(summary.winRate),
      hint:
        closed > 0
          ? `${formatCount(byStatus.converted)} won of ${formatCount(closed)} closed`
          : 'None won or lost yet',
      icon: IconTrophy,
      color: 'yellow',
    },
    {
      label: 'Open pipeline',
      value: formatAmount(summary.pipelineValue),
      hint: `Value of ${plural(open, 'open lead', 'open leads')}`,
      icon: IconCash,
      color: 'grape',
    },
    {
      label: 'Days to convert',
      value: formatDays(summary.averageDaysToConversion),
      hint:
        byStatus.converted > 0
          ? `Average over ${plural(byStatus.converted, 'conversion', 'conversions')}`
          : 'No conversions yet',
      icon: IconCalendarTime,
      color: 'cyan',
    },
  ];
}

/** Big figures shrink rather than wrap: "1,284,500.50" stays on one line in a fifth of the row. */
function valueSize(value: string) {
  if (value.length <= 9) return { base: 22, sm: 26 };
  if (value.length <= 12) return { base: 20, sm: 22 };
  return { base: 17, sm: 18 };
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  const labelId = useId();
  // A `div` of one `dt` and its `dd`s, as a description list allows; the group is named by the term.
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={labelId}>
      <Group component="dt" justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text id={labelId} span size="xs" c="dimmed" fw={600} tt="uppercase" lh={1.3}>
          {kpi.label}
        </Text>
        <ThemeIcon variant="light" color={kpi.color} size={30} radius="md" aria-hidden>
          <kpi.icon size={18} stroke={1.7} />
        </ThemeIcon>
      </Group>
      <Text
        component="dd"
        m={0}
        mt={4}
        fz={valueSize(kpi.value)}
        fw={700}
        lh={1.15}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {kpi.value}
      </Text>
      <Text component="dd" m={0} mt={6} size="xs" c="dimmed">
        {kpi.hint}
      </Text>
    </Paper>
  );
}

/** The five headline figures, each a term and its value, exactly as the API computed them. */
export function KpiCards({ summary }: { summary: AnalyticsSummary }) {
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 2, lg: 5 }}
      className={classes.kpis}
      spacing={{ base: 'xs', sm: 'md' }}
      m={0}
      aria-label="Key figures"
    >
      {kpisOf(summary).map((kpi) => (
        <KpiCard key={kpi.label} kpi={kpi} />
      ))}
    </SimpleGrid>
  );
}
