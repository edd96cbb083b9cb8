import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReassignLeadsResult } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

/** Moves every open lead of one user to another active user, or leaves them unassigned. */
export function useReassignLeads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fromUserId, toUserId }: { fromUserId: string; toUserId: string | null }) =>
      api.post<ReassignLeadsResult>(
        `/api/v1/users/${encodeURIComponent(fromUserId)}/reassign-leads`,
        { toUserId },
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['users'] }),
        queryClient.invalidateQueries({ queryKey: ['leads'] }),
        // Lead timelines show the assignment events.
        queryClient.invalidateQueries({ queryKey: ['activities'] }),
      ]),
  });
}
