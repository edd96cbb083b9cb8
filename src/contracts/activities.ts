import { z } from 'zod';
import { isoTimestamp, longText, refSchema } from './fields.ts';
import { cursorParam, limitParam, pageSchema } from './pagination.ts';

/** What users log on a lead or customer. */
export const activityKinds = ['note', 'call', 'email', 'meeting'] as const;
export const activityKindSchema = z.enum(activityKinds, {
  error: `Must be one of ${activityKinds.join(', ')}`,
});
export type ActivityKind = z.infer<typeof activityKindSchema>;

export const activityKindLabels: Record<ActivityKind, string> = {
  note: 'Note',
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
};

export const createActivitySchema = z
  .strictObject({
    kind: activityKindSchema,
    body: longText(5000).min(1, 'Write something'),
  })
  .meta({ id: 'CreateActivity' });
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

/** One field's change in an audit event: [before, after]. */
export const changesSchema = z.record(z.string(), z.tuple([z.unknown(), z.unknown()]));

/** A timeline entry: something a user logged, or an audit event the server recorded. */
export const timelineItemSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('activity'),
      id: z.string(),
      kind: activityKindSchema,
      body: z.string(),
      author: refSchema.nullable(),
      createdAt: isoTimestamp,
    }),
    z.object({
      type: z.literal('event'),
      id: z.string(),
      /** e.g. `lead.created`, `lead.updated`, `lead.status_changed`, `lead.assigned`, `lead.converted` */
      action: z.string(),
      changes: changesSchema.nullable(),
      actor: refSchema.nullable(),
      createdAt: isoTimestamp,
    }),
  ])
  .meta({ id: 'TimelineItem' });
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelineQuerySchema = z.object({
  limit: limitParam,
  cursor: cursorParam,
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const timelinePageSchema = pageSchema(timelineItemSchema).meta({ id: 'TimelinePage' });
export type TimelinePage = z.infer<typeof timelinePageSchema>;

export const activitySchema = timelineItemSchema.options[0];
