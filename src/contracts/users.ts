import { z } from 'zod';
import { email, idRef, isoTimestamp, password, requiredText, text } from './fields.ts';

export const roles = ['admin', 'manager', 'sales', 'viewer'] as const;
export const roleSchema = z.enum(roles, { error: `Must be one of ${roles.join(', ')}` });
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  sales: 'Sales',
  viewer: 'Viewer',
};

export const meSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    title: z.string().nullable(),
    phone: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    active: z.boolean(),
    /** What the app may offer this user; computed by the server's policies. */
    can: z.object({
      manageSettings: z.boolean(),
      manageUsers: z.boolean(),
      createCustomers: z.boolean(),
      createLeads: z.boolean(),
      /** Sees every lead (not only their own): the list offers an owner filter. */
      readAllLeads: z.boolean(),
      /** Assigns leads to others: forms offer an owner picker. */
      assignLeads: z.boolean(),
      /** Reads the team dashboard (every lead's figures). */
      viewTeamAnalytics: z.boolean(),
      /** Owns leads, so has a dashboard of their own. */
      viewOwnAnalytics: z.boolean(),
      /** Browses the audit log (sign-ins, account and team changes, record changes). */
      viewAuditLog: z.boolean(),
    }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const updateMeSchema = z.strictObject({
  name: requiredText(100, 'Name').optional(),
  title: text(100).optional(),
  phone: text(32).optional(),
});

export const setupStatusSchema = z.object({
  needsSetup: z.boolean(),
  allowSignup: z.boolean(),
});
export type SetupStatus = z.infer<typeof setupStatusSchema>;

export const setupSchema = z.strictObject({
  name: requiredText(100, 'Name'),
  email,
  password,
});
export type SetupInput = z.infer<typeof setupSchema>;

/** What Better Auth's sign-up accepts from us; validated before it reaches Better Auth. */
export const signUpSchema = z.object({
  name: requiredText(100, 'Name'),
  email,
  password,
});

export const createUserSchema = z.strictObject({
  name: requiredText(100, 'Name'),
  email,
  role: roleSchema,
  password,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const settingsSchema = z
  .object({
    allowSignup: z.boolean(),
    /** True when ALLOW_SIGNUP=true in the environment: sign-up is on whatever the toggle says. */
    allowSignupFromEnv: z.boolean(),
    currency: z.string(),
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsSchema = z.strictObject({
  allowSignup: z.boolean().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'Must be a three-letter ISO 4217 code such as USD')
    .optional(),
});

/**
 * A user as GET /api/v1/users lists them. Everyone gets what an assignment picker needs;
 * admins also get the account details and `can` (what the Users page may offer on the row).
 */
export const teamMemberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    avatarUrl: z.string().nullable(),
    active: z.boolean(),
    email: z.string().optional(),
    title: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    lastLoginAt: isoTimestamp.nullable().optional(),
    createdAt: isoTimestamp.optional(),
    /** Leads assigned to them in New, Contacted or Qualified (admins only). */
    openLeads: z.number().int().optional(),
    can: z
      .object({
        edit: z.boolean(),
        changeRole: z.boolean(),
        deactivate: z.boolean(),
      })
      .optional(),
  })
  .meta({ id: 'TeamMember' });
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.object({
  data: z.array(teamMemberSchema),
  nextCursor: z.null(),
  total: z.number().int(),
});
export type Team = z.infer<typeof teamSchema>;

export const listUsersQuerySchema = z.object({
  /** `true`: only active users (assignment pickers); `false`: only deactivated ones. */
  active: z.enum(['true', 'false']).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const updateUserSchema = z
  .strictObject({
    name: requiredText(100, 'Name').optional(),
    role: roleSchema.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateUser' });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const reassignLeadsSchema = z
  .strictObject({
    /** The active user who takes over the open leads, or null to leave them unassigned. */
    toUserId: idRef.nullable(),
  })
  .meta({ id: 'ReassignLeads' });
export type ReassignLeadsInput = z.infer<typeof reassignLeadsSchema>;

export const reassignLeadsResultSchema = z
  .object({ reassigned: z.number().int() })
  .meta({ id: 'ReassignLeadsResult' });
export type ReassignLeadsResult = z.infer<typeof reassignLeadsResultSchema>;
