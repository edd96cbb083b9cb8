import { z } from 'zod';
import { idRef } from './fields.ts';
import { leadSourceSchema } from './leads.ts';

const isRealDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/** A calendar day, `YYYY-MM-DD`, read in UTC. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Must be a date like 2026-01-31', abort: true })
  .refine(isRealDay, 'Must be a real calendar date')
  .meta({ format: 'date' });

export const analyticsQuerySchema = z
  .object({
    /** First day of the range (inclusive). Absent: since the first lead. */
    from: daySchema.optional(),
    /** Last day of the range (inclusive). Absent: up to today. */
    to: daySchema.optional(),
    /** `me`, `none` (unassigned) or a user id. Only on the team summary. */
    ownerId: idRef.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'Must be on or after from',
  });
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

export const analyticsMeQuerySchema = z
  .object({ from: daySchema.optional(), to: daySchema.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'Must be on or after from',
  });
export type AnalyticsMeQuery = z.infer<typeof analyticsMeQuerySchema>;

const fraction = z.number().min(0).max(1);

export const analyticsSummarySchema = z
  .object({
    /** The range the figures cover, as resolved: `from` is null for "all time" with no leads. */
    from: z.string().nullable(),
    to: z.string(),
    /** Leads created in the range (and of the owner, when filtered). */
    total: z.number().int(),
    byStatus: z.object({
      new: z.number().int(),
      contacted: z.number().int(),
      qualified: z.number().int(),
      converted: z.number().int(),
      lost: z.number().int(),
    }),
    /** converted / total, 0 when there are no leads. */
    conversionRate: fraction,
    /** converted / (converted + lost), 0 when neither. */
    winRate: fraction,
    /** Sum of `value` over open leads (new, contacted, qualified), in currency units. */
    pipelineValue: z.number(),
    /** Mean days from a lead's creation to its conversion, over converted leads; null if none. */
    averageDaysToConversion: z.number().nullable(),
    /** Sources with leads, most leads first. */
    bySource: z.array(
      z.object({ source: leadSourceSchema, total: z.number().int(), converted: z.number().int() }),
    ),
    /** Owners with leads, most conversions first; `ownerId: null` gathers unassigned leads. */
    byOwner: z.array(
      z.object({
        ownerId: z.string().nullable(),
        name: z.string().nullable(),
        total: z.number().int(),
        converted: z.number().int(),
        pipelineValue: z.number(),
      }),
    ),
    /**
     * One entry per week (Monday, UTC) that the range touches, oldest first: leads created that
     * week, and those of the summary's leads converted that week.
     */
    trend: z.array(
      z.object({
        weekStart: z.string(),
        created: z.number().int(),
        converted: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'AnalyticsSummary' });
export type AnalyticsSummary = z.infer<typeof analyticsSummarySchema>;
