import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput } from '../../../../contracts/account.ts';
import { api } from '../../../lib/api-client.ts';
import { sessionsQueryKey } from './list-sessions.ts';

/** Changes the password; the server signs out every other session, so the list changes too. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<void>('/api/v1/me/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
