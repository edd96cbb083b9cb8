import { Box, Card, Group, Stack, Text, Title, useMatches } from '@mantine/core';
import { useId } from 'react';
import type { AnalyticsSummary } from '../../../../contracts/analytics.ts';
import { UserAvatar } from '../../../components/user-avatar.tsx';
import { amountColumnFormatter } from '../../../lib/money.ts';
import { formatCount, formatPercent, share } from './analytics-format.ts';
import { RateCell } from './source-table.tsx';
import { DataTable } from './widget-card.tsx';

type OwnerRow = AnalyticsSummary['byOwner'][number];

function OwnerName({ row: { ownerId, name, avatarUrl } }: { row: OwnerRow }) {
  return (
    <Group gap={8} wrap="nowrap">
      <UserAvatar user={ownerId ? { id: ownerId, name: name ?? '', avatarUrl } : null} size={26} />
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

/** Phones: one block per owner, the four figures under the name, instead of a wide table. */
function OwnerList({ rows, labelledBy }: { rows: OwnerRow[]; labelledBy: string }) {
  const formatAmount = amountColumnFormatter(rows.map((row) => row.pipelineValue));
  return (
    <Stack
      component="ol"
      gap={0}
      p={0}
      m={0}
      aria-labelledby={labelledBy}
      style={{ listStyle: 'none' }}
    >
      {rows.map((row, index) => (
        <Stack
          key={row.ownerId ?? 'unassigned'}
          component="li"
          gap={6}
          py="sm"
          style={
            index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined
          }
        >
          <OwnerName row={row} />
          <Box
            component="dl"
            m={0}
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr 1.5fr', gap: 4 }}
          >
            {[
              ['Leads', formatCount(row.total)],
              ['Converted', formatCount(row.converted)],
              ['Conversion', formatPercent(share(row.converted, row.total))],
              ['Pipeline', formatAmount(row.pipelineValue)],
            ].map(([label, value]) => (
              <div key={label}>
                <Text component="dt" size="xs" c="dimmed">
                  {label}
                </Text>
                <Text
                  component="dd"
                  m={0}
                  size="sm"
                  fw={600}
                  style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
                >
                  {value}
                </Text>
              </div>
            ))}
          </Box>
        </Stack>
      ))}
    </Stack>
  );
}

/** Owners by conversions (the API's order), with their leads, rate and open pipeline. */
export function OwnerLeaderboard({ summary }: { summary: AnalyticsSummary }) {
  const titleId = useId();
  const wide = useMatches({ base: false, sm: true }, { getInitialValueInEffect: false });
  const formatAmount = amountColumnFormatter(summary.byOwner.map((row) => row.pipelineValue));
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="md" fw={600} id={titleId}>
            Leaderboard
          </Title>
          <Text size="xs" c="dimmed">
            Owners by leads converted in this range
          </Text>
        </div>
        {wide ? (
          <DataTable
            labelledBy={titleId}
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
                  <OwnerName key="name" row={row} />,
                  formatCount(row.total),
                  formatCount(row.converted),
                  <RateCell key="rate" rate={share(row.converted, row.total)} />,
                  formatAmount(row.pipelineValue),
                ],
              })),
            }}
          />
        ) : (
          <OwnerList rows={summary.byOwner} labelledBy={titleId} />
        )}
      </Stack>
    </Card>
  );
}
