import { z } from 'zod';
import { userRefSchema } from './avatars.ts';
import { customerSchema } from './customers.ts';
import { idRef, isoTimestamp, longText, optionalEmail, requiredText, text } from './fields.ts';
import {
  commaListParam,
  cursorParam,
  limitParam,
  pageSchema,
  searchParam,
  sortParam,
} from './pagination.ts';

/** The pipeline: New → Contacted → Qualified → Converted, or Lost. */
export const leadStatuses = ['new', 'contacted', 'qualified', 'converted', 'lost'] as const;
export const leadStatusSchema = z.enum(leadStatuses, {
  error: `Must be one of ${leadStatuses.join(', ')}`,
});
export type LeadStatus = z.infer<typeof leadStatusSchema>;

export const openLeadStatuses = ['new', 'contacted', 'qualified'] as const satisfies LeadStatus[];

export const leadStatusLabels: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  converted: 'Converted',
  lost: 'Lost',
};

export const leadSources = [
  'website',
  'referral',
  'event',
  'cold_call',
  'email_campaign',
  'social',
  'partner',
  'other',
] as const;
export const leadSourceSchema = z.enum(leadSources, {
  error: `Must be one of ${leadSources.join(', ')}`,
});
export type LeadSource = z.infer<typeof leadSourceSchema>;

export const leadSourceLabels: Record<LeadSource, string> = {
  website: 'Website',
  referral: 'Referral',
  event: 'Event',
  cold_call: 'Cold call',
  email_campaign: 'Email campaign',
  social: 'Social',
  partner: 'Partner',
  other: 'Other',
};

/** The largest value one lead may carry, in currency units: ten billion. */
export const MAX_LEAD_VALUE = 10_000_000_000;
/**
 * The most all leads together may be worth, in currency units: ten trillion (migration 0008
 * enforces it). Below it every total the API reports is exact to the cent.
 */
export const MAX_LEADS_TOTAL_VALUE = 10_000_000_000_000;

/** Money: a decimal number ≥ 0 with at most two decimals (stored as integer minor units). */
export const moneySchema = z
  .number({ error: 'Must be a number' })
  .min(0, 'Must be 0 or more')
  .max(MAX_LEAD_VALUE, 'Must be at most 10,000,000,000')
  .refine(
    (value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
    'Must have at most 2 decimals',
  )
  .meta({
    description:
      'A decimal number from 0 to 10,000,000,000 with at most 2 decimals. All leads together ' +
      'may be worth at most 10,000,000,000,000: a write that would pass that is refused with ' +
      '400 naming `value`, so every total the API reports is exact to the cent.',
  });

export const leadFields = {
  firstName: requiredText(100, 'First name'),
  lastName: requiredText(100, 'Last name'),
  email: optionalEmail,
  phone: text(32),
  company: text(200),
  jobTitle: text(100),
  source: leadSourceSchema,
  value: moneySchema,
  notes: longText(5000),
  ownerId: idRef.nullable(),
};

export const lostReasonSchema = text(500);

const contactRequired = 'Give an email address or a phone number';

export const createLeadSchema = z
  .strictObject({
    ...leadFields,
    email: leadFields.email.default(''),
    phone: leadFields.phone.default(''),
    company: leadFields.company.default(''),
    jobTitle: leadFields.jobTitle.default(''),
    source: leadFields.source.default('other'),
    value: leadFields.value.default(0),
    notes: leadFields.notes.default(''),
    ownerId: leadFields.ownerId.optional(),
  })
  .superRefine((lead, issues) => {
    if (!lead.email && !lead.phone) {
      issues.addIssue({ code: 'custom', path: ['email'], message: contactRequired });
    }
  })
  .meta({ id: 'CreateLead' });
export type CreateLeadInput = z.output<typeof createLeadSchema>;
export type LeadFormValues = z.input<typeof createLeadSchema>;

export const CONTACT_REQUIRED_MESSAGE = contactRequired;

/** Statuses an edit may set; `converted` is refused with 422 (use the convert endpoint). */
export const updateLeadSchema = z
  .strictObject({
    firstName: leadFields.firstName.optional(),
    lastName: leadFields.lastName.optional(),
    email: leadFields.email.optional(),
    phone: leadFields.phone.optional(),
    company: leadFields.company.optional(),
    jobTitle: leadFields.jobTitle.optional(),
    source: leadFields.source.optional(),
    value: leadFields.value.optional(),
    notes: leadFields.notes.optional(),
    ownerId: leadFields.ownerId.optional(),
    status: leadStatusSchema.optional(),
    lostReason: lostReasonSchema.optional(),
  })
  .meta({ id: 'UpdateLead' });
export type UpdateLeadInput = z.output<typeof updateLeadSchema>;

export const leadPermissionsSchema = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  convert: z.boolean(),
  assign: z.boolean(),
  reopen: z.boolean(),
  addActivity: z.boolean(),
});
export type LeadPermissions = z.infer<typeof leadPermissionsSchema>;

export const leadSchema = z
  .object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string(),
    company: z.string(),
    jobTitle: z.string(),
    source: leadSourceSchema,
    status: leadStatusSchema,
    ownerId: z.string().nullable(),
    owner: userRefSchema.nullable(),
    value: z.number(),
    notes: z.string(),
    lostReason: z.string().nullable(),
    customerId: z.string().nullable(),
    convertedAt: isoTimestamp.nullable(),
    statusChangedAt: isoTimestamp,
    createdById: z.string().nullable(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    can: leadPermissionsSchema,
    /** The statuses the caller may move this lead to by an edit (lost needs a reason). */
    nextStatuses: z.array(leadStatusSchema),
  })
  .meta({ id: 'Lead' });
export type Lead = z.infer<typeof leadSchema>;

export const leadSortFields = ['createdAt', 'updatedAt', 'value', 'lastName'] as const;
export type LeadSortField = (typeof leadSortFields)[number];
export type LeadSort = LeadSortField | `-${LeadSortField}`;

export const listLeadsQuerySchema = z.object({
  limit: limitParam,
  cursor: cursorParam,
  sort: sortParam(leadSortFields, '-updatedAt'),
  q: searchParam,
  /** Comma list of statuses, e.g. `new,contacted`. */
  status: commaListParam(leadStatuses, 'status'),
  /** `me`, `none` (unassigned) or a user id. */
  ownerId: idRef.optional(),
  /** Comma list of sources. */
  source: commaListParam(leadSources, 'source'),
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuerySchema>;

export const leadPageSchema = pageSchema(leadSchema).extend({
  /** Whether the caller may create leads: the list's "New lead" button follows it. */
  canCreate: z.boolean(),
});
export type LeadPage = z.infer<typeof leadPageSchema>;

export const convertLeadSchema = z
  .strictObject({
    /** Link the lead to this existing customer instead of creating one. */
    customerId: idRef.optional(),
  })
  .meta({ id: 'ConvertLead' });
export type ConvertLeadInput = z.infer<typeof convertLeadSchema>;

export const conversionSchema = z
  .object({
    lead: leadSchema,
    /** Null when the lead was linked to a customer outside the caller's scope. */
    customer: customerSchema.nullable(),
  })
  .meta({ id: 'Conversion' });
export type Conversion = z.infer<typeof conversionSchema>;
