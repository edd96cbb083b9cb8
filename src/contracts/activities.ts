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

/** Something a user logged on the record. */
export const activitySchema = z
  .object({
    type: z.literal('activity'),
    id: z.string(),
    kind: activityKindSchema,
    body: z.string(),
    author: refSchema.nullable(),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof activitySchema>;

/** A change the server recorded (audit event). */
export const timelineEventSchema = z
  .object({
    type: z.literal('event'),
    id: z.string(),
    /** `lead.created`, `lead.updated`, `lead.status_changed`, `lead.assigned`, `lead.converted`, `lead.linked`, `customer.created`, `customer.updated` */
    action: z.string(),
    changes: changesSchema.nullable(),
    actor: refSchema.nullable(),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineItemSchema = z.discriminatedUnion('type', [
  activitySchema,
  timelineEventSchema,
]);
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelineQuerySchema = z.object({
  limit: limitParam,
  cursor: cursorParam,
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const timelinePageSchema = pageSchema(timelineItemSchema).meta({ id: 'TimelinePage' });
export type TimelinePage = z.infer<typeof timelinePageSchema>;
