import { useMutation } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';
import { useRefreshPeople } from './refresh-people.ts';

/** Removes the signed-in user's picture: the initials come back. */
export function useRemoveAvatar() {
  const refreshPeople = useRefreshPeople();
  return useMutation({
    mutationFn: () => api.deleteWithResult<Me>('/api/v1/me/avatar'),
    onSuccess: refreshPeople,
  });
}
