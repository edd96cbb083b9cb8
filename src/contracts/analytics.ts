import { z } from 'zod';
import { idRef } from './fields.ts';
import { leadSourceSchema } from './leads.ts';

const isRealDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/**
 * The days a summary may cover. Outside them a range is no CRM's (a trend of 500,000 weeks), and
 * at the ends of the `YYYY-MM-DD` years (0000, 9999) a week's Monday leaves that form: listing the
 * weeks never ended (the server ran out of memory).
 */
export const FIRST_DAY = '1970-01-01';
export const LAST_DAY = '2100-12-31';

/** A calendar day, `YYYY-MM-DD`, read in UTC, from FIRST_DAY to LAST_DAY. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Must be a date like 2026-01-31', abort: true })
  .refine(isRealDay, { message: 'Must be a real calendar date', abort: true })
  .refine((day) => day >= FIRST_DAY && day <= LAST_DAY, {
    message: `Must be between ${FIRST_DAY} and ${LAST_DAY}`,
  })
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
        /** The owner's picture; null when none (or unassigned): draw the default. */
        avatarUrl: z.string().nullable(),
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
