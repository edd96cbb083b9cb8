/**
 * Only same-site paths: never send a signed-in user to another origin. The fallback, `/`, sends
 * each role to its landing page (sales users to their dashboard).
 */
export function safeRedirect(target: string | undefined, fallback = '/'): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return fallback;
  }
  return target;
}
