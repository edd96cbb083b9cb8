import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Lead, LeadFormValues } from '../../../../contracts/leads.ts';
import { api } from '../../../lib/api-client.ts';

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LeadFormValues) => api.post<Lead>('/api/v1/leads', input),
    onSuccess: (lead) => {
      queryClient.setQueryData(['leads', 'detail', lead.id], lead);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['leads', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['leads', 'pipeline'] }),
      ]);
    },
  });
}
