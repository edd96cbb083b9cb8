import { describe, expect, it } from 'vitest';
import type { Problem } from '../../contracts/errors.ts';
import { ApiError } from './api-client.ts';
import { createSessionEndHandler, isSessionEnded, SESSION_ENDED_MESSAGE } from './session-end.ts';

const problem = (status: 401 | 403): Problem => ({
  type: 'about:blank',
  title: 'x',
  status,
  code: status === 401 ? 'unauthenticated' : 'forbidden',
});
const unauthenticated = (path = '/api/v1/leads') => new ApiError(problem(401), path);

/** A handler over a fake app: what it did, and a sign-in navigation we finish by hand. */
function setup({ signedIn = true, href = '/leads?q=acme' } = {}) {
  const state = { signedIn, href, cleared: 0, notices: [] as string[], visits: [] as string[] };
  let finishNavigation = () => {};
  const handler = createSessionEndHandler({
    isSignedIn: () => state.signedIn,
    currentHref: () => state.href,
    clearCache: () => {
      state.cleared += 1;
      state.signedIn = false;
    },
    notify: (message) => state.notices.push(message),
    goToSignIn: (redirect) => {
      state.visits.push(redirect ?? '(none)');
      return new Promise<void>((resolve) => {
        finishNavigation = resolve;
      });
    },
  });
  return { state, handler, finishNavigation: () => finishNavigation() };
}

describe('#isSessionEnded', () => {
  it('is a 401 from the app API only', () => {
    expect(isSessionEnded(unauthenticated())).toBe(true);
    expect(isSessionEnded(unauthenticated('/api/v1/me/password'))).toBe(true);
    // Wrong password on the sign-in form: Better Auth's own answer.
    expect(isSessionEnded(unauthenticated('/api/auth/sign-in/email'))).toBe(false);
    expect(isSessionEnded(new ApiError(problem(403), '/api/v1/audit'))).toBe(false);
    expect(isSessionEnded(new TypeError('Failed to fetch'))).toBe(false);
  });
});

describe('#createSessionEndHandler', () => {
  it('clears the cache, says so once and goes to sign-in with the way back', () => {
    const { state, handler } = setup();
    handler.onError(unauthenticated());
    expect(state).toMatchObject({
      cleared: 1,
      notices: [SESSION_ENDED_MESSAGE],
      visits: ['/leads?q=acme'],
    });
  });

  it('acts on the first of several failing queries only', async () => {
    const { state, handler, finishNavigation } = setup();
    // Keep the app believing it is signed in, as when queries fail before the cache is cleared.
    handler.onError(unauthenticated('/api/v1/leads'));
    state.signedIn = true;
    handler.onError(unauthenticated('/api/v1/pipeline'));
    handler.onSignedInUserGone();
    expect(state.notices).toHaveLength(1);
    expect(state.visits).toHaveLength(1);
    finishNavigation();
    await Promise.resolve();
    await Promise.resolve();
    // Signed in again later, the next ending is announced again.
    state.href = '/customers';
    handler.onError(unauthenticated());
    expect(state.visits).toEqual(['/leads?q=acme', '/customers']);
    expect(state.notices).toHaveLength(2);
  });

  it('leaves a 401 alone while nobody is signed in, or on the sign-in, sign-up and setup pages', () => {
    for (const href of ['/sign-in?redirect=%2Fleads', '/sign-up', '/setup']) {
      const { state, handler } = setup({ href });
      handler.onError(unauthenticated());
      handler.onSignedInUserGone();
      expect(state).toMatchObject({ cleared: 0, notices: [], visits: [] });
    }
    const signedOut = setup({ signedIn: false });
    signedOut.handler.onError(unauthenticated());
    expect(signedOut.state).toMatchObject({ cleared: 0, notices: [], visits: [] });
  });

  it('ignores other errors and the sign-in form’s own 401', () => {
    const { state, handler } = setup();
    handler.onError(unauthenticated('/api/auth/sign-in/email'));
    handler.onError(new ApiError(problem(403), '/api/v1/audit'));
    expect(state).toMatchObject({ cleared: 0, notices: [], visits: [] });
  });

  it('comes back only to a path of this site, and to the landing page without one', () => {
    for (const [href, back] of [
      ['//evil.example/leads', '(none)'],
      ['/', '(none)'],
      ['/customers/123#notes', '/customers/123#notes'],
    ] as const) {
      const { state, handler } = setup({ href });
      handler.onError(unauthenticated());
      expect(state.visits).toEqual([back]);
    }
  });
});
