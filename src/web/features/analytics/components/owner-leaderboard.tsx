import { Avatar, Group, Text } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import type { AnalyticsSummary } from '../../../../contracts/analytics.ts';
import { formatCount, formatMoney, share } from './analytics-format.ts';
import { RateCell } from './source-table.tsx';
import { TableWidget } from './widget-card.tsx';

function OwnerName({ name }: { name: string | null }) {
  return (
    <Group gap={8} wrap="nowrap">
      {name ? (
        <Avatar name={name} color="initials" size={26} radius="xl" aria-hidden />
      ) : (
        <Avatar size={26} radius="xl" aria-hidden>
          <IconUserQuestion size={15} />
        </Avatar>
      )}
      <Text
        span
        size="sm"
        fw={500}
        c={name ? undefined : 'dimmed'}
        style={{ whiteSpace: 'nowrap' }}
      >
        {name ?? 'Unassigned'}
      </Text>
    </Group>
  );
}

/** Owners by conversions (the API's order), with their leads, rate and open pipeline. */
export function OwnerLeaderboard({ summary }: { summary: AnalyticsSummary }) {
  return (
    <TableWidget
      title="Leaderboard"
      description="Owners by leads converted in this range"
      minWidth={560}
      table={{
        columns: [
          { label: 'Owner' },
          { label: 'Leads', numeric: true },
          { label: 'Converted', numeric: true },
          { label: 'Conversion', numeric: true },
          { label: 'Open pipeline', numeric: true },
        ],
        rows: summary.byOwner.map((row) => ({
          key: row.ownerId ?? 'unassigned',
          cells: [
            <OwnerName key="name" name={row.name} />,
            formatCount(row.total),
            formatCount(row.converted),
            <RateCell key="rate" rate={share(row.converted, row.total)} />,
            formatMoney(row.pipelineValue),
          ],
        })),
      }}
    />
  );
}
