import type { AnalyticsSummary } from '../../../contracts/analytics.ts';
import { avatarUrlOf } from '../../../contracts/avatars.ts';
import { type LeadStatus, leadStatuses, openLeadStatuses } from '../../../contracts/leads.ts';
import { fromMinorUnits } from '../leads/presenter.ts';
import type { Cell } from './repository.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC instant. */
export const dayString = (date: Date): string => date.toISOString().slice(0, 10);

export const startOfDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

export const addDays = (day: string, days: number): string =>
  dayString(new Date(startOfDay(day).getTime() + days * DAY_MS));

/** The Monday (UTC) of the week holding this day. */
export function weekStartOf(day: string): string {
  const weekday = startOfDay(day).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Every Monday from the week of `from` to the week of `to`, oldest first. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let week = weekStartOf(from); week <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Two decimals: a day count a person reads, not a float artefact. */
const round2 = (value: number) => Math.round(value * 100) / 100;

export interface SummaryInput {
  from: string | null;
  to: string;
  cells: Cell[];
  createdByDay: { day: string; count: number }[];
  convertedByDay: { day: string; count: number }[];
  names: Map<string, string>;
  /** Owners' picture versions (absent or null: no picture, the default is drawn). */
  avatarVersions?: Map<string, string | null>;
}

/**
 * The figures of API.md from the grouped leads: `conversionRate` = converted / total,
 * `winRate` = converted / (converted + lost), `pipelineValue` = value of the open leads,
 * `trend` = per week of the range, leads created and leads converted that week.
 */
export function buildSummary(input: SummaryInput): AnalyticsSummary {
  const byStatus = Object.fromEntries(leadStatuses.map((status) => [status, 0])) as Record<
    LeadStatus,
    number
  >;
  const sources = new Map<string, { total: number; converted: number }>();
  const owners = new Map<string | null, { total: number; converted: number; cents: number }>();
  let openCents = 0;
  let conversionDays = 0;
  for (const cell of input.cells) {
    const converted = cell.status === 'converted' ? cell.count : 0;
    const open = (openLeadStatuses as readonly LeadStatus[]).includes(cell.status);
    byStatus[cell.status] += cell.count;
    if (open) openCents += cell.value;
    conversionDays += cell.conversionDays;

    const source = sources.get(cell.source) ?? { total: 0, converted: 0 };
    source.total += cell.count;
    source.converted += converted;
    sources.set(cell.source, source);

    const owner = owners.get(cell.ownerId) ?? { total: 0, converted: 0, cents: 0 };
    owner.total += cell.count;
    owner.converted += converted;
    if (open) owner.cents += cell.value;
    owners.set(cell.ownerId, owner);
  }
  const total = leadStatuses.reduce((sum, status) => sum + byStatus[status], 0);

  const weeks = input.from ? weeksBetween(input.from, input.to) : [];
  const trend = new Map(weeks.map((week) => [week, { weekStart: week, created: 0, converted: 0 }]));
  for (const { day, count } of input.createdByDay) {
    const entry = trend.get(weekStartOf(day));
    if (entry) entry.created += count;
  }
  for (const { day, count } of input.convertedByDay) {
    // Conversions after the range's last day belong to no week of it.
    const entry = day <= input.to ? trend.get(weekStartOf(day)) : undefined;
    if (entry) entry.converted += count;
  }

  return {
    from: input.from,
    to: input.to,
    total,
    byStatus,
    conversionRate: ratio(byStatus.converted, total),
    winRate: ratio(byStatus.converted, byStatus.converted + byStatus.lost),
    pipelineValue: fromMinorUnits(openCents),
    averageDaysToConversion:
      byStatus.converted === 0 ? null : round2(conversionDays / byStatus.converted),
    bySource: [...sources]
      .map(([source, figures]) => ({ source: source as Cell['source'], ...figures }))
      .sort((a, b) => b.total - a.total || a.source.localeCompare(b.source)),
    byOwner: [...owners]
      .map(([ownerId, figures]) => ({
        ownerId,
        name: ownerId === null ? null : (input.names.get(ownerId) ?? null),
        avatarUrl:
          ownerId === null
            ? null
            : avatarUrlOf(ownerId, input.avatarVersions?.get(ownerId) ?? null),
        total: figures.total,
        converted: figures.converted,
        pipelineValue: fromMinorUnits(figures.cents),
      }))
      .sort(
        (a, b) =>
          b.converted - a.converted ||
          b.pipelineValue - a.pipelineValue ||
          b.total - a.total ||
          (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'),
      ),
    trend: [...trend.values()],
  };
}
