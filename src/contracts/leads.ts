import { z } from 'zod';

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
