import { queryOptions } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/users.ts';
import { ApiError, api } from '../../../lib/api-client.ts';

/** The signed-in user, or null when there is no session. */
export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api.get<Me>('/api/v1/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});
