import { queryOptions } from '@tanstack/react-query';
import type { AccountSessionList } from '../../../../contracts/account.ts';
import { api } from '../../../lib/api-client.ts';

export const sessionsQueryKey = ['me', 'sessions'] as const;

/** The signed-in user's live sessions, most recently used first. */
export const sessionsQueryOptions = queryOptions({
  queryKey: sessionsQueryKey,
  queryFn: () => api.get<AccountSessionList>('/api/v1/me/sessions'),
});
