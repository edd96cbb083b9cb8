import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Lead, UpdateLeadInput } from '../../../../contracts/leads.ts';
import { api } from '../../../lib/api-client.ts';

/** Fields, owner and status changes alike; the timeline gains the audit event, so it refreshes. */
export function useUpdateLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateLeadInput) =>
      api.patch<Lead>(`/api/v1/leads/${encodeURIComponent(id)}`, changes),
    onSuccess: (lead) => {
      queryClient.setQueryData(['leads', 'detail', id], lead);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['leads', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['leads', 'pipeline'] }),
        queryClient.invalidateQueries({ queryKey: ['activities', 'leads', id] }),
      ]);
    },
  });
}
