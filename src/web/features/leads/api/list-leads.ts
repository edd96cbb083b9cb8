import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import type { LeadPage, LeadSort } from '../../../../contracts/leads.ts';
import { api } from '../../../lib/api-client.ts';

/** The list's view as the URL holds it; `status` and `source` are comma lists, as the API takes them. */
export interface LeadListParams {
  q?: string | undefined;
  sort?: LeadSort | undefined;
  status?: string | undefined;
  /** `me`, `none` (unassigned) or a user id. */
  ownerId?: string | undefined;
  source?: string | undefined;
}

export const PAGE_SIZE = 25;

/** Leads in pages of 25; the list shows "Load more" while a next cursor exists. */
export const leadsQueryOptions = (params: LeadListParams) =>
  infiniteQueryOptions({
    queryKey: ['leads', 'list', params],
    queryFn: ({ pageParam }) =>
      api.get<LeadPage>('/api/v1/leads', {
        limit: PAGE_SIZE,
        q: params.q,
        sort: params.sort,
        status: params.status,
        ownerId: params.ownerId,
        source: params.source,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
