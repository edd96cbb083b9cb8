import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { createTheme, localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications, notifications } from '@mantine/notifications';
import {
  hashKey,
  MutationCache,
  QueryCache,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppRouter } from './app/router.tsx';
import { meQueryOptions } from './features/auth/api/get-me.ts';
import { ApiError } from './lib/api-client.ts';
import { createSessionEndHandler } from './lib/session-end.ts';

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

const sessionEnd = createSessionEndHandler({
  isSignedIn: () => Boolean(queryClient.getQueryData(meQueryOptions.queryKey)),
  currentHref: () => router.state.location.href,
  clearCache: () => queryClient.clear(),
  notify: (message) =>
    notifications.show({ id: 'session-ended', color: 'yellow', message, autoClose: 8_000 }),
  goToSignIn: (redirect) =>
    router.navigate({ to: '/sign-in', search: redirect ? { redirect } : {} }),
});

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: sessionEnd.onError }),
  mutationCache: new MutationCache({ onError: sessionEnd.onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Client errors (404, 403) will not change on retry.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const router = createAppRouter(queryClient);

// A refetch of the signed-in user that finds no session (a tab coming back into focus) ends it
// too; setQueryData and the cache's own clearing are not a session ending.
let signedIn = false;
queryClient.getQueryCache().subscribe((event) => {
  if (event.query.queryHash !== hashKey(meQueryOptions.queryKey)) return;
  if (event.type === 'removed') signedIn = false;
  if (event.type !== 'updated' || event.action.type !== 'success') return;
  const nowSignedIn = Boolean(event.action.data);
  if (signedIn && !nowSignedIn && !event.action.manual) sessionEnd.onSignedInUserGone();
  signedIn = nowSignedIn;
});
const colorSchemeManager = localStorageColorSchemeManager({ key: 'leadline-color-scheme' });

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
    >
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <Notifications position="top-right" />
          <RouterProvider router={router} />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
