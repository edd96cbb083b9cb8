import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Lead, LeadStatus } from '../../../../contracts/leads.ts';
import type { Pipeline, PipelineColumn } from '../../../../contracts/pipeline.ts';
import { api } from '../../../lib/api-client.ts';

/** The board's view as the URL holds it; `source` is a comma list, as the API takes it. */
export interface PipelineParams {
  q?: string | undefined;
  /** `me`, `none` (unassigned) or a user id. */
  ownerId?: string | undefined;
  source?: string | undefined;
}

/** Cards per column per request: the first page, then each "more" as a column scrolls. */
export const PIPELINE_PAGE_SIZE = 20;
/** The API's largest page, used to restore a long column in few requests. */
const MAX_PAGE_SIZE = 100;

export const pipelineKey = (params: PipelineParams) => ['leads', 'pipeline', params] as const;

function filtersOf(params: PipelineParams) {
  return { q: params.q, ownerId: params.ownerId, source: params.source };
}

/** The next cards of one column, after `cursor`. */
export async function fetchPipelineColumn(
  params: PipelineParams,
  status: LeadStatus,
  cursor: string,
  limit = PIPELINE_PAGE_SIZE,
): Promise<PipelineColumn | undefined> {
  const page = await api.get<Pipeline>('/api/v1/pipeline', {
    ...filtersOf(params),
    status,
    cursor,
    limit,
  });
  return page.columns[0];
}

/** Appends a page to its column, skipping cards it holds already (a card may have moved). */
export function appendPage(column: PipelineColumn, page: PipelineColumn): PipelineColumn {
  const seen = new Set(column.leads.map((lead) => lead.id));
  return {
    ...column,
    count: page.count,
    value: page.value,
    leads: [...column.leads, ...page.leads.filter((lead) => !seen.has(lead.id))],
    nextCursor: page.nextCursor,
  };
}

/**
 * The board: every column's count, value and first cards. A refetch keeps each column as long
 * as it had grown by scrolling, following the cursors from the fresh first page, so cards that
 * moved in the meantime neither vanish nor repeat.
 */
export const pipelineQueryOptions = (params: PipelineParams) =>
  queryOptions({
    queryKey: pipelineKey(params),
    queryFn: async ({ client, queryKey }) => {
      const previous = client.getQueryData<Pipeline>(queryKey);
      const board = await api.get<Pipeline>('/api/v1/pipeline', {
        ...filtersOf(params),
        limit: PIPELINE_PAGE_SIZE,
      });
      const columns = await Promise.all(
        board.columns.map(async (fresh) => {
          const shown = previous?.columns.find((c) => c.status === fresh.status)?.leads.length ?? 0;
          let column = fresh;
          while (column.nextCursor && column.leads.length < shown) {
            const limit = Math.min(MAX_PAGE_SIZE, shown - column.leads.length);
            const page = await fetchPipelineColumn(params, column.status, column.nextCursor, limit);
            if (!page) break;
            column = appendPage(column, page);
          }
          return column;
        }),
      );
      return { columns };
    },
    placeholderData: keepPreviousData,
  });

/** Sums of decimals drift (0.1 + 0.2): keep a column's value to the cent. */
const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * Moves a card in the cached board: out of the column that holds it, into `status` at `index`
 * (the top by default, as the server orders a column by its latest change), counts and values
 * following. Returns the board unchanged when the card is not on it.
 */
export function placeCard(board: Pipeline, lead: Lead, status: LeadStatus, index = 0): Pipeline {
  const from = board.columns.find((column) => column.leads.some((l) => l.id === lead.id));
  if (!from) return board;
  const current = from.leads.find((l) => l.id === lead.id) as Lead;
  return {
    columns: board.columns.map((column) => {
      let next = column;
      if (column === from) {
        next = {
          ...next,
          count: Math.max(0, next.count - 1),
          value: cents(next.value - current.value),
          leads: next.leads.filter((l) => l.id !== lead.id),
        };
      }
      if (column.status === status) {
        const leads = [...next.leads];
        leads.splice(Math.min(index, leads.length), 0, { ...lead, status });
        next = { ...next, count: next.count + 1, value: cents(next.value + lead.value), leads };
      }
      return next;
    }),
  };
}

/**
 * The server's copy of a card in place of the board's: after a move, its `can`,
 * `nextStatuses` and `statusChangedAt` are the new status's, before the board refetches.
 */
export function replaceCard(board: Pipeline, lead: Lead): Pipeline {
  return {
    columns: board.columns.map((column) =>
      column.leads.some((l) => l.id === lead.id)
        ? { ...column, leads: column.leads.map((l) => (l.id === lead.id ? lead : l)) }
        : column,
    ),
  };
}
