import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RevokedSessions } from '../../../../contracts/account.ts';
import { api } from '../../../lib/api-client.ts';
import { sessionsQueryKey } from './list-sessions.ts';

/** Signs out every session of the user except the one in this browser. */
export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RevokedSessions>('/api/v1/me/sessions/revoke-others'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
