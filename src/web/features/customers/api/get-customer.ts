import { queryOptions } from '@tanstack/react-query';
import type { Customer } from '../../../../contracts/customers.ts';
import { api } from '../../../lib/api-client.ts';

export const customerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['customers', 'detail', id],
    queryFn: () => api.get<Customer>(`/api/v1/customers/${encodeURIComponent(id)}`),
  });
