import { type LeadStatus, leadStatuses } from '../../../contracts/leads.ts';
import type { Pipeline, PipelineColumn, PipelineQuery } from '../../../contracts/pipeline.ts';
import type { AppContext } from '../../context.ts';
import { decodeCursor, encodeCursor, parseSort } from '../../db/keyset.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { fieldError } from '../../http/errors.ts';
import { fromMinorUnits, presentLead } from '../leads/presenter.ts';
import { listLeads, totalsByStatus } from '../leads/repository.ts';
import { WALK_THRESHOLD } from '../leads/search.ts';
import { scopedFilter } from '../leads/service.ts';

/** Cards in a column: the most recently changed first, like the leads list opens. */
const columnOrder = parseSort<'updatedAt'>('-updatedAt');

const emptyColumn = (status: LeadStatus): PipelineColumn => ({
  status,
  count: 0,
  value: 0,
  leads: [],
  nextCursor: null,
});

/**
 * The board: for each status its count and total value over every lead in the caller's scope
 * that the filters match, and its first cards. With one `status` and a `cursor`, the next
 * cards of that column.
 */
export async function pipelineFor(
  ctx: AppContext,
  actor: Actor,
  query: PipelineQuery,
): Promise<Pipeline> {
  const requested = query.status?.length ? query.status : undefined;
  if (query.cursor && requested?.length !== 1) {
    throw fieldError('cursor', 'Give exactly one status with a cursor');
  }
  const statuses = leadStatuses.filter((status) => !requested || requested.includes(status));
  const { status: _columns, cursor: _cursor, ...filters } = query;
  const filter = scopedFilter(actor, filters);
  if (!filter) return { columns: statuses.map(emptyColumn) };

  const cursor = query.cursor ? decodeCursor(query.cursor, 'timestamp') : null;
  const totals = await totalsByStatus(ctx.db, filter);
  const columns: PipelineColumn[] = [];
  for (const status of statuses) {
    const total = totals.get(status);
    if (!total) {
      columns.push(emptyColumn(status));
      continue;
    }
    const searchPlan = filter.q && total.count > WALK_THRESHOLD ? 'walk' : 'lookup';
    const rows = await listLeads(
      ctx.db,
      { ...filter, statuses: [status], searchPlan },
      columnOrder,
      query.limit,
      cursor,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    columns.push({
      status,
      count: total.count,
      value: fromMinorUnits(total.cents),
      leads: page.map((row) => presentLead(row, actor)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.updatedAt, last.id) : null,
    });
  }
  return { columns };
}
