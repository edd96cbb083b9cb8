import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Conversion, ConvertLeadInput } from '../../../../contracts/leads.ts';
import { api } from '../../../lib/api-client.ts';

/**
 * Converts a qualified lead: `{}` creates a customer from it, `{ customerId }` links it to an
 * existing one. `customer` is null when the linked customer is outside the caller's scope.
 * Refusals (409 duplicate_customer, already_converted) reach the caller as ApiError.
 */
export function useConvertLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConvertLeadInput) =>
      api.post<Conversion>(`/api/v1/leads/${encodeURIComponent(id)}/convert`, input),
    onSuccess: ({ lead, customer }) => {
      queryClient.setQueryData(['leads', 'detail', lead.id], lead);
      if (customer) queryClient.setQueryData(['customers', 'detail', customer.id], customer);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['leads', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['leads', 'pipeline'] }),
        queryClient.invalidateQueries({ queryKey: ['customers', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['activities'] }),
      ]);
    },
  });
}
