import { useMutation } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';
import { useRefreshPeople } from './refresh-people.ts';

export interface ProfileChanges {
  name: string;
  title: string;
  phone: string;
}

/** Changes the signed-in user's own name, job title and phone. */
export function useUpdateProfile() {
  const refreshPeople = useRefreshPeople();
  return useMutation({
    mutationFn: (changes: ProfileChanges) => api.patch<Me>('/api/v1/me', changes),
    onSuccess: refreshPeople,
  });
}
