import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/page-header.tsx';
import { mySummaryQueryOptions } from '../../features/analytics/api/get-my-summary.ts';
import { AnalyticsDashboard } from '../../features/analytics/components/analytics-dashboard.tsx';
import { DashboardToolbar } from '../../features/analytics/components/dashboard-toolbar.tsx';
import {
  type DashboardRangeParams,
  resolveRange,
} from '../../features/analytics/components/date-range.ts';

export type DashboardParams = DashboardRangeParams;

/** The figures of the signed-in user's own leads; the landing page of sales users. */
export function MyDashboardPage({
  params,
  onParamsChange,
}: {
  params: DashboardParams;
  onParamsChange: (params: DashboardParams) => void;
}) {
  const resolved = resolveRange(params);
  const query = useQuery(mySummaryQueryOptions({ from: resolved.from, to: resolved.to }));
  return (
    <>
      <PageHeader title="My dashboard" />
      <DashboardToolbar
        resolved={resolved}
        coveredFrom={query.data?.from}
        fetching={query.isFetching && query.isPlaceholderData}
        onRangeChange={onParamsChange}
      />
      <AnalyticsDashboard
        query={query}
        showLeaderboard={false}
        allTime={resolved.choice === 'all'}
        onShowAllTime={() => onParamsChange({ range: 'all' })}
      />
    </>
  );
}
