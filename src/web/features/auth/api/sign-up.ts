import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignUpInput) => api.post('/api/auth/sign-up/email', input),
    onSuccess: () => queryClient.clear(),
  });
}
