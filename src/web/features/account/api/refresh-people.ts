import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { Me } from '../../../../contracts/users.ts';

/**
 * After the user's name or picture changed: the routes' `me` (the user menu, this page) takes
 * the server's answer, and everything else that shows people (the team, owners of leads,
 * customers and board cards, the leaderboard) reloads.
 */
export function useRefreshPeople() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async (me: Me) => {
    queryClient.setQueryData(['me'], me);
    await Promise.all([
      router.invalidate(),
      ...[['users'], ['leads'], ['customers'], ['analytics']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    ]);
  };
}
