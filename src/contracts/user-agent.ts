import type { DeviceKind } from './account.ts';

export interface DeviceDescription {
  browser: string | null;
  os: string | null;
  device: DeviceKind;
}

/**
 * Browsers in the order their tokens must be tested: Edge, Opera and Samsung Internet also say
 * "Chrome" and "Safari", Chrome also says "Safari", and the iOS browsers say "Safari" as well.
 */
const browsers: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\b(Headless)?Chrome\/|\bChromium\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\/|\bMobile\/\w+ Safari\//, 'Safari'],
  [/^curl\//, 'curl'],
  [/^Wget\//, 'Wget'],
  [/^(python-requests|python-urllib|aiohttp)\b/i, 'Python'],
  [/^node-fetch\b|^undici\b|^axios\//, 'Node.js'],
];

const systems: [RegExp, string][] = [
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows (NT|Phone)\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

function deviceOf(ua: string, os: string | null): DeviceKind {
  if (/\biPad\b|\bTablet\b/.test(ua)) return 'tablet';
  if (/\b(iPhone|iPod)\b/.test(ua)) return 'mobile';
  // Android phones say "Mobile"; Android tablets do not.
  if (os === 'Android') return /\bMobile\b/.test(ua) ? 'mobile' : 'tablet';
  if (/\bMobile\b/.test(ua)) return 'mobile';
  if (os) return 'desktop';
  return 'unknown';
}

/** "Chrome on macOS, desktop" from a User-Agent header, without a parsing package. */
export function describeUserAgent(ua: string | null | undefined): DeviceDescription {
  const value = (ua ?? '').trim();
  if (!value) return { browser: null, os: null, device: 'unknown' };
  const browser = browsers.find(([pattern]) => pattern.test(value))?.[1] ?? null;
  const os = systems.find(([pattern]) => pattern.test(value))?.[1] ?? null;
  return { browser, os, device: deviceOf(value, os) };
}
