import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer, CustomerFormValues } from '../../../../contracts/customers.ts';
import { api } from '../../../lib/api-client.ts';

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomerFormValues) => api.post<Customer>('/api/v1/customers', input),
    onSuccess: (customer) => {
      queryClient.setQueryData(['customers', 'detail', customer.id], customer);
      return queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
    },
  });
}
