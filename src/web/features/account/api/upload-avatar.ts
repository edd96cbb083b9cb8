import { useMutation } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/users.ts';
import { api } from '../../../lib/api-client.ts';
import { useRefreshPeople } from './refresh-people.ts';

/** Uploads the signed-in user's picture (field `file`); the server re-encodes it. */
export function useUploadAvatar() {
  const refreshPeople = useRefreshPeople();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.put<Me>('/api/v1/me/avatar', form);
    },
    onSuccess: refreshPeople,
  });
}
