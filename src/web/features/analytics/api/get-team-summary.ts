import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AnalyticsSummary } from '../../../../contracts/analytics.ts';
import { api } from '../../../lib/api-client.ts';

export interface TeamSummaryParams {
  from?: string | undefined;
  to?: string | undefined;
  /** `me`, `none` (unassigned) or a user id; absent: every owner. */
  ownerId?: string | undefined;
}

/** The team dashboard's figures (admins and managers); the previous range stays while the next loads. */
export const teamSummaryQueryOptions = (params: TeamSummaryParams) =>
  queryOptions({
    queryKey: ['analytics', 'summary', params],
    queryFn: () =>
      api.get<AnalyticsSummary>('/api/v1/analytics/summary', {
        from: params.from,
        to: params.to,
        ownerId: params.ownerId,
      }),
    // Leads change elsewhere in the app: each visit asks again, showing the last figures meanwhile.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
