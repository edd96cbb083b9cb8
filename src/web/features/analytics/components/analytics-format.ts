import type { LeadSource, LeadStatus } from '../../../../contracts/leads.ts';

const percent = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const count = new Intl.NumberFormat(undefined);
const oneDecimal = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const weekFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const weekLongFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A fraction 0–1 as "66.7%". */
export function formatPercent(fraction: number): string {
  return percent.format(fraction);
}

/** A share of a whole, 0 when the whole is empty. */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

export function formatCount(value: number): string {
  return count.format(value);
}

/** "3.5 days", "1.0 day", or "—" when nothing converted. */
export function formatDays(days: number | null): string {
  if (days === null) return '—';
  const text = oneDecimal.format(days);
  return `${text} ${text === oneDecimal.format(1) ? 'day' : 'days'}`;
}

/** "Mar 2": a trend week by its Monday. */
export function formatWeek(weekStart: string): string {
  return weekFormat.format(new Date(`${weekStart}T00:00:00Z`));
}

/** "Mar 2, 2026", for the trend table. */
export function formatWeekLong(weekStart: string): string {
  return weekLongFormat.format(new Date(`${weekStart}T00:00:00Z`));
}

/** The lead list's status colours, as chart colours. */
export const statusChartColors: Record<LeadStatus, string> = {
  new: 'blue.6',
  contacted: 'cyan.6',
  qualified: 'grape.6',
  converted: 'green.6',
  lost: 'red.6',
};

export const sourceChartColors: Record<LeadSource, string> = {
  website: 'indigo.6',
  referral: 'teal.6',
  event: 'orange.6',
  cold_call: 'pink.6',
  email_campaign: 'cyan.6',
  social: 'violet.6',
  partner: 'lime.7',
  other: 'gray.6',
};
