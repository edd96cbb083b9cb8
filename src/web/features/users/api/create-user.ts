import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, TeamMember } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<TeamMember>('/api/v1/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
