import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../../components/page-header.tsx';
import { teamSummaryQueryOptions } from '../../features/analytics/api/get-team-summary.ts';
import { AnalyticsDashboard } from '../../features/analytics/components/analytics-dashboard.tsx';
import { DashboardToolbar } from '../../features/analytics/components/dashboard-toolbar.tsx';
import { resolveRange } from '../../features/analytics/components/date-range.ts';
import {
  OwnerFilter,
  type OwnerOption,
} from '../../features/analytics/components/owner-filter.tsx';
import { assignableUsersQueryOptions } from '../../features/leads/api/list-assignable-users.ts';
import type { DashboardParams } from './my-dashboard-page.tsx';

export type TeamDashboardParams = DashboardParams & { ownerId?: string | undefined };

/** Every lead's figures, for admins and managers: the range and the owner live in the URL. */
export function TeamDashboardPage({
  params,
  onParamsChange,
}: {
  params: TeamDashboardParams;
  onParamsChange: (params: TeamDashboardParams) => void;
}) {
  const resolved = resolveRange(params);
  const query = useQuery(
    teamSummaryQueryOptions({ from: resolved.from, to: resolved.to, ownerId: params.ownerId }),
  );
  const team = useQuery(assignableUsersQueryOptions);
  const people: OwnerOption[] = (team.data?.data ?? []).map((user) => ({
    id: user.id,
    name: user.name,
    avatarUrl: user.avatarUrl,
  }));
  // Former users still own leads: the leaderboard knows their names.
  for (const owner of query.data?.byOwner ?? []) {
    if (owner.ownerId && owner.name && !people.some((person) => person.id === owner.ownerId)) {
      people.push({ id: owner.ownerId, name: owner.name, avatarUrl: owner.avatarUrl });
    }
  }
  return (
    <>
      <PageHeader title="Team dashboard" />
      <DashboardToolbar
        resolved={resolved}
        coveredFrom={query.data?.from}
        fetching={query.isFetching && query.isPlaceholderData}
        onRangeChange={(range) => onParamsChange({ ...range, ownerId: params.ownerId })}
      >
        <OwnerFilter
          value={params.ownerId}
          people={people}
          loading={team.isPending}
          onChange={(ownerId) => onParamsChange({ ...params, ownerId })}
        />
      </DashboardToolbar>
      <AnalyticsDashboard
        query={query}
        showLeaderboard
        allTime={resolved.choice === 'all'}
        onShowAllTime={() => onParamsChange({ ownerId: params.ownerId, range: 'all' })}
      />
    </>
  );
}
