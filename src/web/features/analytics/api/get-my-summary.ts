import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AnalyticsSummary } from '../../../../contracts/analytics.ts';
import { api } from '../../../lib/api-client.ts';

export interface MySummaryParams {
  from?: string | undefined;
  to?: string | undefined;
}

/** The caller's own leads' figures, for "My dashboard". */
export const mySummaryQueryOptions = (params: MySummaryParams) =>
  queryOptions({
    queryKey: ['analytics', 'me', params],
    queryFn: () =>
      api.get<AnalyticsSummary>('/api/v1/analytics/me', { from: params.from, to: params.to }),
    // Leads change elsewhere in the app: each visit asks again, showing the last figures meanwhile.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
