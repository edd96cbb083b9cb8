import {
  type LeadSource,
  leadSourceLabels,
  leadStatusLabels,
} from '../../../../contracts/leads.ts';

const money = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** How audit events name the fields of leads and customers. */
const fieldLabels: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  jobTitle: 'Job title',
  source: 'Source',
  value: 'Value',
  notes: 'Notes',
  status: 'Status',
  lostReason: 'Lost reason',
  owner: 'Owner',
  address: 'Address',
  city: 'City',
  state: 'State / region',
  zipcode: 'ZIP / postal code',
  country: 'Country',
};

export function fieldLabel(field: string): string {
  return fieldLabels[field] ?? field;
}

/** Long text whose before and after would drown the sentence: named, not quoted. */
export const unquotedFields = new Set(['notes']);

/** One side of a change, as a person reads it; null for "nothing". */
export function formatChangeValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field === 'value' && typeof value === 'number') return money.format(value);
  if (field === 'status' && typeof value === 'string' && value in leadStatusLabels) {
    return leadStatusLabels[value as keyof typeof leadStatusLabels];
  }
  if (field === 'source' && typeof value === 'string' && value in leadSourceLabels) {
    return leadSourceLabels[value as LeadSource];
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
