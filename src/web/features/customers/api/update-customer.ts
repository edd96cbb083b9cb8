import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer, CustomerFormValues } from '../../../../contracts/customers.ts';
import { api } from '../../../lib/api-client.ts';

export function useUpdateCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<CustomerFormValues>) =>
      api.patch<Customer>(`/api/v1/customers/${encodeURIComponent(id)}`, changes),
    onSuccess: (customer) => {
      queryClient.setQueryData(['customers', 'detail', id], customer);
      return queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
    },
  });
}
