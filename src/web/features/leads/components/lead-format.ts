import type { Lead, LeadStatus } from '../../../../contracts/leads.ts';

const money = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function fullName(lead: Pick<Lead, 'firstName' | 'lastName'>): string {
  return `${lead.firstName} ${lead.lastName}`;
}

/** "1,234.50": the API's decimal value; the currency is a server setting the API does not send. */
export function formatMoney(value: number): string {
  return money.format(value);
}

const wholeMoney = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** "48,000" for a whole amount, "1,234.50" otherwise: the board's cards and column totals. */
export function formatAmount(value: number): string {
  return Number.isInteger(value) ? wholeMoney.format(value) : money.format(value);
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
