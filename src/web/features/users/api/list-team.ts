import { queryOptions } from '@tanstack/react-query';
import type { Team } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

/** Everyone on the team, active or not, as the Users page shows them (admin view). */
export const teamQueryOptions = queryOptions({
  queryKey: ['users', 'list', {}],
  queryFn: () => api.get<Team>('/api/v1/users'),
});
