import { z } from 'zod';
import { email, isoTimestamp, password, requiredText, text } from './fields.ts';

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
      createCustomers: z.boolean(),
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
