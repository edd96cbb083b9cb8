import type {
  AnalyticsMeQuery,
  AnalyticsQuery,
  AnalyticsSummary,
} from '../../../contracts/analytics.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { authorizeTeamAnalytics } from './policy.ts';
import {
  cellsOf,
  countsByDay,
  firstCreatedAt,
  type LeadSet,
  ownersOf,
  versionOf,
} from './repository.ts';
import { addDays, buildSummary, dayString, type SummaryInput, startOfDay } from './summary.ts';
import { SummaryCache } from './summary-cache.ts';

type Figures = Omit<SummaryInput, 'names' | 'avatarVersions'>;

/** One cache per app (its context): a test process runs many apps side by side. */
const caches = new WeakMap<AppContext, SummaryCache<Figures>>();

function cacheOf(ctx: AppContext): SummaryCache<Figures> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new SummaryCache<Figures>(ctx.config.analyticsCacheSize);
    caches.set(ctx, cache);
  }
  return cache;
}

/** The team summary: every lead, or one owner's (`me`, `none` or an id). Admins and managers. */
export function teamSummary(
  ctx: AppContext,
  actor: Actor,
  query: AnalyticsQuery,
): Promise<AnalyticsSummary> {
  authorizeTeamAnalytics(actor);
  const { ownerId } = query;
  const owner =
    ownerId === undefined
      ? undefined
      : ownerId === 'me'
        ? actor.id
        : ownerId === 'none'
          ? null
          : ownerId;
  return summarize(ctx, owner, query);
}

/** The caller's own leads: anyone signed in. */
export function mySummary(
  ctx: AppContext,
  actor: Actor,
  query: AnalyticsMeQuery,
): Promise<AnalyticsSummary> {
  return summarize(ctx, actor.id, query);
}

/**
 * Reads the figures in one snapshot, together with the version of the leads they cover. A
 * summary computed earlier under the same version is reused: any write to those leads changes
 * the version in the same transaction as the write, so a reused summary is never stale.
 */
async function summarize(
  ctx: AppContext,
  ownerId: string | null | undefined,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<AnalyticsSummary> {
  const to = range.to ?? dayString(new Date());
  const key = JSON.stringify([ownerId ?? (ownerId === null ? 0 : 1), range.from ?? null, to]);
  const cache = cacheOf(ctx);
  const figures = await ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const version = await versionOf(trx, ownerId);
      const cached = cache.get(key, version);
      if (cached) return cached;
      const fresh = await readFigures(trx, ctx, ownerId, range.from, to);
      cache.set(key, version, fresh);
      return fresh;
    });
  const ownerIds = figures.cells.flatMap((cell) => (cell.ownerId ? [cell.ownerId] : []));
  const owners = await ownersOf(ctx.db, [...new Set(ownerIds)]);
  return buildSummary({ ...figures, ...owners });
}

async function readFigures(
  db: Executor,
  ctx: AppContext,
  ownerId: string | null | undefined,
  requestedFrom: string | undefined,
  to: string,
): Promise<Figures> {
  let from = requestedFrom ?? null;
  if (!from) {
    const first = await firstCreatedAt(db, ownerId);
    from = first ? dayString(first) : null;
  }
  // All time without a lead yet, or a range ending before the first lead: nothing to count.
  if (!from || from > to) {
    return { from: requestedFrom ?? null, to, cells: [], createdByDay: [], convertedByDay: [] };
  }
  const set: LeadSet = {
    ...(ownerId === undefined ? {} : { ownerId }),
    start: startOfDay(from).toISOString(),
    end: startOfDay(addDays(to, 1)).toISOString(),
  };
  return {
    from,
    to,
    cells: await cellsOf(db, ctx.dialect, set),
    createdByDay: await countsByDay(db, ctx.dialect, set, 'createdAt'),
    convertedByDay: await countsByDay(db, ctx.dialect, set, 'convertedAt'),
  };
}
