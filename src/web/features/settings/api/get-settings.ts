import { queryOptions } from '@tanstack/react-query';
import type { Settings } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

export const settingsQueryOptions = queryOptions({
  queryKey: ['settings'],
  queryFn: () => api.get<Settings>('/api/v1/settings'),
});
