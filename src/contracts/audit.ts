import { z } from 'zod';
import { changesSchema } from './activities.ts';
import { daySchema } from './analytics.ts';
import { userRefSchema } from './avatars.ts';
import { idRef, isoTimestamp } from './fields.ts';
import { cursorParam, limitParam } from './pagination.ts';

/** Kinds of events, grouped so the log can be narrowed to one area at a time. */
export const auditCategories = ['auth', 'account', 'team', 'lead', 'customer', 'settings'] as const;
export type AuditCategory = (typeof auditCategories)[number];

export const auditCategoryLabels: Record<AuditCategory, string> = {
  auth: 'Sign-ins',
  account: 'Account changes',
  team: 'Team',
  lead: 'Leads',
  customer: 'Customers',
  settings: 'Settings',
};

/** Every action the server records, by category. */
export const auditActionsByCategory = {
  auth: ['auth.signed_in', 'auth.sign_in_failed', 'auth.signed_out'],
  account: [
    'account.password_changed',
    'account.sessions_revoked',
    'account.profile_updated',
    'account.avatar_changed',
    'account.avatar_removed',
  ],
  team: [
    'user.created',
    'user.updated',
    'user.role_changed',
    'user.deactivated',
    'user.reactivated',
  ],
  lead: [
    'lead.created',
    'lead.updated',
    'lead.status_changed',
    'lead.assigned',
    'lead.converted',
    'lead.linked',
    'lead.deleted',
  ],
  customer: ['customer.created', 'customer.updated', 'customer.deleted'],
  settings: ['settings.updated'],
} as const satisfies Record<AuditCategory, readonly string[]>;

export type AuditAction = (typeof auditActionsByCategory)[AuditCategory][number];
export const auditActions: readonly AuditAction[] = Object.values(auditActionsByCategory).flat();

export const auditActionLabels: Record<AuditAction, string> = {
  'auth.signed_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.signed_out': 'Signed out',
  'account.password_changed': 'Password changed',
  'account.sessions_revoked': 'Sessions ended',
  'account.profile_updated': 'Profile updated',
  'account.avatar_changed': 'Picture changed',
  'account.avatar_removed': 'Picture removed',
  'user.created': 'User added',
  'user.updated': 'User renamed',
  'user.role_changed': 'Role changed',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'lead.created': 'Lead created',
  'lead.updated': 'Lead edited',
  'lead.status_changed': 'Lead status changed',
  'lead.assigned': 'Lead assigned',
  'lead.converted': 'Lead converted',
  'lead.linked': 'Lead linked',
  'lead.deleted': 'Lead deleted',
  'customer.created': 'Customer created',
  'customer.updated': 'Customer edited',
  'customer.deleted': 'Customer deleted',
  'settings.updated': 'Settings changed',
};

const isAuditAction = (value: string): value is AuditAction =>
  (auditActions as readonly string[]).includes(value);
const isAuditCategory = (value: string): value is AuditCategory =>
  (auditCategories as readonly string[]).includes(value);

/** The actions a filter names: each item is an action or a whole category. */
export function actionsOfFilter(items: readonly string[]): AuditAction[] {
  const actions = items.flatMap((item): readonly AuditAction[] =>
    isAuditCategory(item) ? auditActionsByCategory[item] : isAuditAction(item) ? [item] : [],
  );
  return [...new Set(actions)];
}

/** `action=auth` (a category), `action=user.role_changed,user.deactivated` (actions), or both. */
const actionFilterParam = z
  .string()
  .max(500, 'Must be at most 500 characters')
  .transform((list) =>
    list
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.string().refine((item) => isAuditCategory(item) || isAuditAction(item), {
          message: `Each item must be an action or one of ${auditCategories.join(', ')}`,
        }),
      )
      .min(1, 'Name at least one action or category'),
  );

export const auditEntityTypes = ['user', 'lead', 'customer', 'settings', 'email'] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditQuerySchema = z
  .object({
    /** Actions and/or categories, comma-separated. */
    action: actionFilterParam.optional(),
    /** Events this user did, and events about this user. */
    userId: idRef.optional(),
    /** With `entityId`: the events of one record (or, for `email`, one address). */
    entityType: z
      .enum(auditEntityTypes, { error: `Must be one of ${auditEntityTypes.join(', ')}` })
      .optional(),
    entityId: z
      .string()
      .trim()
      .min(1, 'Not a valid id')
      .max(254, 'Not a valid id')
      .refine((value) => !/\p{Cc}/u.test(value), 'Not a valid id')
      .optional(),
    /** First UTC day (inclusive). */
    from: daySchema.optional(),
    /** Last UTC day (inclusive). */
    to: daySchema.optional(),
    limit: limitParam,
    cursor: cursorParam,
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'Must be on or after from',
  })
  .refine((query) => query.entityId === undefined || query.entityType !== undefined, {
    path: ['entityType'],
    message: 'Required with entityId',
  })
  .refine((query) => query.entityType === undefined || query.entityId !== undefined, {
    path: ['entityId'],
    message: 'Required with entityType',
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    createdAt: isoTimestamp,
    /** Who did it; null for a failed sign-in or a change made from the command line. */
    actor: userRefSchema.nullable(),
    entity: z.object({
      type: z.enum(auditEntityTypes),
      id: z.string(),
      /** The record's current name, while it still exists. */
      label: z.string().nullable(),
    }),
    changes: changesSchema.nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** No total: counting a large log would cost more than the page. */
export const auditPageSchema = z
  .object({ data: z.array(auditEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof auditPageSchema>;
