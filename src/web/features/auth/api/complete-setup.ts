import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, SetupInput } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => api.post<Me>('/api/v1/setup', input),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(['me'], me);
    },
  });
}
