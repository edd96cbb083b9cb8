import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamMember, UpdateUserInput } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';

/** Renames, changes the role of, deactivates or reactivates a user. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserInput }) =>
      api.patch<TeamMember>(`/api/v1/users/${encodeURIComponent(id)}`, changes),
    // Owner pickers elsewhere list active users: they change with the team.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
