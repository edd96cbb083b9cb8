import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import type { CustomerPage, CustomerSort } from '../../../../contracts/customers.ts';
import { api } from '../../../lib/api-client.ts';

export interface CustomerListParams {
  q?: string | undefined;
  sort?: CustomerSort | undefined;
}

export const PAGE_SIZE = 25;

/** Customers in pages of 25; the list shows "Load more" while a next cursor exists. */
export const customersQueryOptions = (params: CustomerListParams) =>
  infiniteQueryOptions({
    queryKey: ['customers', 'list', params],
    queryFn: ({ pageParam }) =>
      api.get<CustomerPage>('/api/v1/customers', {
        limit: PAGE_SIZE,
        q: params.q,
        sort: params.sort,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
