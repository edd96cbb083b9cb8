import type { Lead, LeadStatus } from '../../../../contracts/leads.ts';

const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function fullName(lead: Pick<Lead, 'firstName' | 'lastName'>): string {
  return `${lead.firstName} ${lead.lastName}`;
}

export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export const statusColors: Record<LeadStatus, string> = {
  new: 'blue',
  contacted: 'cyan',
  qualified: 'grape',
  converted: 'green',
  lost: 'red',
};
