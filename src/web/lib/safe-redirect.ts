/** Only same-site paths: never send a signed-in user to another origin. */
export function safeRedirect(target: string | undefined, fallback = '/customers'): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return fallback;
  }
  return target;
}
