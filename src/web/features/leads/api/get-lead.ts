import { queryOptions } from '@tanstack/react-query';
import type { Lead } from '../../../../contracts/leads.ts';
import { api } from '../../../lib/api-client.ts';

export const leadQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['leads', 'detail', id],
    queryFn: () => api.get<Lead>(`/api/v1/leads/${encodeURIComponent(id)}`),
  });
