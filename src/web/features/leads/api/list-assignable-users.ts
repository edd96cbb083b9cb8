import { queryOptions } from '@tanstack/react-query';
import type { Team } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

/** Active users, for owner pickers and the owner filter. */
export const assignableUsersQueryOptions = queryOptions({
  queryKey: ['users', 'list', { active: 'true' }],
  queryFn: () => api.get<Team>('/api/v1/users', { active: 'true' }),
  staleTime: 60_000,
});
