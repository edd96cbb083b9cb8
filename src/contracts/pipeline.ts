import { z } from 'zod';
import { idRef } from './fields.ts';
import { leadSchema, leadSources, leadStatuses, leadStatusSchema } from './leads.ts';
import { commaListParam, cursorParam, searchParam } from './pagination.ts';

export const pipelineQuerySchema = z.object({
  /** `me`, `none` (unassigned) or a user id. */
  ownerId: idRef.optional(),
  q: searchParam,
  /** Comma list of sources. */
  source: commaListParam(leadSources, 'source'),
  /** Only these columns (comma list), e.g. to load more cards of one column with `cursor`. */
  status: commaListParam(leadStatuses, 'status'),
  /** Continues one column: give exactly one `status` with it. */
  cursor: cursorParam,
  /** Cards per column. */
  limit: z.coerce
    .number({ error: 'Must be a number' })
    .int('Must be a whole number')
    .min(1, 'Must be between 1 and 100')
    .max(100, 'Must be between 1 and 100')
    .default(20),
});
export type PipelineQuery = z.infer<typeof pipelineQuerySchema>;

export const pipelineColumnSchema = z.object({
  status: leadStatusSchema,
  /** Leads in this column (all of them, not only the cards sent). */
  count: z.number().int(),
  /** Sum of their values, in currency units. */
  value: z.number(),
  /** Most recently changed first. */
  leads: z.array(leadSchema),
  nextCursor: z.string().nullable(),
});
export type PipelineColumn = z.infer<typeof pipelineColumnSchema>;

export const pipelineSchema = z
  .object({ columns: z.array(pipelineColumnSchema) })
  .meta({ id: 'Pipeline' });
export type Pipeline = z.infer<typeof pipelineSchema>;
