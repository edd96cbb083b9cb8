import { queryOptions } from '@tanstack/react-query';
import type { SetupStatus } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

export const setupStatusQueryOptions = queryOptions({
  queryKey: ['setup-status'],
  queryFn: () => api.get<SetupStatus>('/api/v1/setup'),
  staleTime: 30_000,
});
