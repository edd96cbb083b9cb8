import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export interface SignInInput {
  email: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.post('/api/auth/sign-in/email', input),
    // Whatever was cached belonged to nobody or to someone else.
    onSuccess: () => queryClient.clear(),
  });
}
