import { daySchema } from '../../../../contracts/analytics.ts';

/** A dashboard's range as the URL holds it: a preset, or `custom` with `from` and `to`. */
export const rangePresets = ['month', '30d', 'quarter', 'year', 'all'] as const;
export type RangePreset = (typeof rangePresets)[number];
export type RangeChoice = RangePreset | 'custom';

export const DEFAULT_RANGE: RangePreset = '30d';

export const rangeLabels: Record<RangeChoice, string> = {
  month: 'This month',
  '30d': 'Last 30 days',
  quarter: 'This quarter',
  year: 'This year',
  all: 'All time',
  custom: 'Custom',
};

export interface DashboardRangeParams {
  range?: RangeChoice | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The days the API is asked about (UTC, inclusive); both absent means all time. */
export interface ResolvedRange {
  choice: RangeChoice;
  from?: string | undefined;
  to?: string | undefined;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC instant. */
export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A real calendar day written `YYYY-MM-DD` that the API accepts (its own rule, not a copy). */
export function isDay(value: string | undefined): value is string {
  return daySchema.safeParse(value).success;
}

function presetRange(preset: RangePreset, now: Date): ResolvedRange {
  const to = toDay(now);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (preset) {
    case 'month':
      return { choice: preset, from: toDay(new Date(Date.UTC(year, month, 1))), to };
    case '30d':
      return { choice: preset, from: toDay(new Date(now.getTime() - 29 * DAY_MS)), to };
    case 'quarter':
      return {
        choice: preset,
        from: toDay(new Date(Date.UTC(year, month - (month % 3), 1))),
        to,
      };
    case 'year':
      return { choice: preset, from: toDay(new Date(Date.UTC(year, 0, 1))), to };
    case 'all':
      return { choice: preset };
  }
}

/**
 * The URL's choice as API days, in UTC. A custom range keeps whichever ends are real days (an
 * open end runs from the first lead or up to today); a custom range with neither, or with its
 * ends reversed, falls back to the default preset rather than asking the API for an error.
 */
export function resolveRange(params: DashboardRangeParams, now = new Date()): ResolvedRange {
  if (params.range === 'custom') {
    const from = isDay(params.from) ? params.from : undefined;
    const to = isDay(params.to) ? params.to : undefined;
    if ((from || to) && !(from && to && from > to)) return { choice: 'custom', from, to };
    return presetRange(DEFAULT_RANGE, now);
  }
  return presetRange(params.range ?? DEFAULT_RANGE, now);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function utcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** "Mar 1 – 31, 2026", "Since Jan 5, 2026", "All time". */
export function describeRange(from: string | null | undefined, to: string | undefined): string {
  if (from && to) return dayFormat.formatRange(utcDate(from), utcDate(to));
  if (from) return `Since ${dayFormat.format(utcDate(from))}`;
  if (to) return `Up to ${dayFormat.format(utcDate(to))}`;
  return 'All time';
}
