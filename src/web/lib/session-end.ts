import { ApiError } from './api-client.ts';
import { safeRedirect } from './safe-redirect.ts';

/** Pages a signed-out visitor uses: a 401 there is the page's own business (a wrong password). */
const publicPaths = ['/sign-in', '/sign-up', '/setup'];

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Sign in again.';

/** A 401 from the app's API: the session it was sent with no longer exists. */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.path.startsWith('/api/v1/');
}

export interface SessionEndDeps {
  /** Whether the app holds a signed-in user (the cached `/api/v1/me`). */
  isSignedIn: () => boolean;
  /** Where the browser is: path, query and hash. */
  currentHref: () => string;
  /** Forgets every cached answer: they belonged to the session that ended. */
  clearCache: () => void;
  notify: (message: string) => void;
  /** Goes to sign-in, to come back to `redirect` afterwards. */
  goToSignIn: (redirect: string | undefined) => Promise<void>;
}

/**
 * What the app does when its session ends elsewhere (a password change, "sign out of all other
 * sessions", deactivation, the absolute lifetime): the next API call gets a 401, and instead of
 * showing it as an error the browser goes to sign-in and comes back afterwards. Several queries
 * fail together when this happens; only the first one acts, and the cache it clears takes the
 * signed-in user with it, so the others find nobody signed in.
 */
export function createSessionEndHandler(deps: SessionEndDeps) {
  let ending = false;

  const end = () => {
    const here = deps.currentHref();
    const pathname = here.split(/[?#]/)[0] ?? '';
    if (ending || publicPaths.includes(pathname)) return;
    ending = true;
    deps.clearCache();
    deps.notify(SESSION_ENDED_MESSAGE);
    const back = safeRedirect(here, '');
    void deps.goToSignIn(back === '' || back === '/' ? undefined : back).finally(() => {
      ending = false;
    });
  };

  return {
    /** For the query and mutation caches' `onError`. */
    onError(error: unknown) {
      if (isSessionEnded(error) && deps.isSignedIn()) end();
    },
    /**
     * For a refetch of the signed-in user that comes back empty (a 401 it turns into null)
     * while the app still shows a signed-in page: the same ending, found another way.
     */
    onSignedInUserGone() {
      end();
    },
  };
}
