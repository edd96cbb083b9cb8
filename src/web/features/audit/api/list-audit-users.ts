import { queryOptions } from '@tanstack/react-query';
import type { Team } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

/** Everyone, active or not, for the log's user filter (a deactivated user's past still counts). */
export const auditUsersQueryOptions = queryOptions({
  queryKey: ['users', 'list', {}],
  queryFn: () => api.get<Team>('/api/v1/users'),
  staleTime: 60_000,
});
