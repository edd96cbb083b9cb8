import { Alert, Button, Grid, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { AnalyticsSummary } from '../../../../contracts/analytics.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { DashboardEmpty } from './dashboard-empty.tsx';
import { KpiCards } from './kpi-cards.tsx';
import { OwnerLeaderboard } from './owner-leaderboard.tsx';
import { SourceTable } from './source-table.tsx';
import { StatusBars, StatusDistribution } from './status-charts.tsx';
import { TrendChart } from './trend-chart.tsx';

function DashboardSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading the figures">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing={{ base: 'xs', sm: 'md' }}>
        {[1, 2, 3, 4, 5].map((key) => (
          <Skeleton key={key} h={112} radius="md" />
        ))}
      </SimpleGrid>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Skeleton h={320} radius="md" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Skeleton h={320} radius="md" />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * The figures of one summary: KPIs, the weekly trend, status, sources and (on the team
 * dashboard) the owners. Both dashboards render this; only the query differs.
 */
export function AnalyticsDashboard({
  query,
  showLeaderboard,
  allTime,
  onShowAllTime,
}: {
  query: UseQueryResult<AnalyticsSummary>;
  showLeaderboard: boolean;
  allTime: boolean;
  onShowAllTime: () => void;
}) {
  if (query.isError && !query.data) {
    return (
      <Alert color="red" title="The figures could not be loaded" role="alert">
        <Stack gap="xs" align="flex-start">
          {errorMessage(query.error)}
          <Button size="xs" variant="default" onClick={() => query.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  const summary = query.data;
  if (!summary) return <DashboardSkeleton />;
  if (summary.total === 0)
    return <DashboardEmpty allTime={allTime} onShowAllTime={onShowAllTime} />;
  return (
    <Stack
      gap="md"
      aria-busy={query.isPlaceholderData}
      style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
    >
      <KpiCards summary={summary} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <TrendChart summary={summary} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <StatusDistribution summary={summary} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <StatusBars summary={summary} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SourceTable summary={summary} />
        </Grid.Col>
        {showLeaderboard ? (
          <Grid.Col span={12}>
            <OwnerLeaderboard summary={summary} />
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}
