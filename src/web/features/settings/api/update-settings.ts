import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: { allowSignup?: boolean }) =>
      api.patch<Settings>('/api/v1/settings', changes),
    onSuccess: (settings) => {
      queryClient.setQueryData(['settings'], settings);
      return queryClient.invalidateQueries({ queryKey: ['setup-status'] });
    },
  });
}
