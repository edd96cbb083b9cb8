import {
  type AuditAction,
  type AuditEvent,
  auditActionLabels,
} from '../../../../contracts/audit.ts';
import { type LeadStatus, leadStatusLabels } from '../../../../contracts/leads.ts';
import { describeUserAgent } from '../../../../contracts/user-agent.ts';
import { type Role, roleLabels } from '../../../../contracts/users.ts';

/**
 * A sentence in parts: text, and the place where the event's target (a link to the lead,
 * customer or user) goes. The actor's name comes before it, in its own column or card line.
 */
export type SentencePart = string | { target: true };
const TARGET = { target: true } as const;

type Changes = NonNullable<AuditEvent['changes']>;

const after = (changes: Changes | null, field: string): unknown => changes?.[field]?.[1];
const before = (changes: Changes | null, field: string): unknown => changes?.[field]?.[0];

const roleName = (value: unknown): string =>
  typeof value === 'string' && value in roleLabels ? roleLabels[value as Role] : String(value);
const statusName = (value: unknown): string =>
  typeof value === 'string' && value in leadStatusLabels
    ? leadStatusLabels[value as LeadStatus]
    : String(value);

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const detailNumber = (event: AuditEvent, key: string): number | null => {
  const value = event.details?.[key];
  return typeof value === 'number' ? value : null;
};

const fieldNames: Record<string, string> = {
  name: 'name',
  title: 'job title',
  phone: 'phone',
  firstName: 'first name',
  lastName: 'last name',
  email: 'email',
  company: 'company',
  jobTitle: 'job title',
  source: 'source',
  value: 'value',
  ownerId: 'owner',
  lostReason: 'lost reason',
  address: 'address',
  city: 'city',
  state: 'state',
  zipcode: 'ZIP code',
  country: 'country',
  allowSignup: 'sign-up',
  currency: 'currency',
};

/** "name, job title and phone" */
function fieldList(changes: Changes | null): string {
  const names = Object.keys(changes ?? {}).map((field) => fieldNames[field] ?? field);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const withFields = (text: string, changes: Changes | null): string => {
  const fields = fieldList(changes);
  return fields ? `${text} (${fields})` : text;
};

export const failureReasons: Record<string, string> = {
  invalid_credentials: 'wrong email or password',
  deactivated: 'account deactivated',
  throttled: 'too many attempts, refused without checking',
};

/** Failed sign-ins have no actor: their sentence names the address tried. */
export function isFailedSignIn(event: AuditEvent): boolean {
  return event.action === 'auth.sign_in_failed';
}

/** What happened, after the actor's name: "changed ⟨Sam⟩’s role from Sales to Manager". */
export function describeEvent(event: AuditEvent): SentencePart[] {
  const { changes } = event;
  switch (event.action) {
    case 'auth.signed_in': {
      const method = event.details?.method;
      if (method === 'setup') return ['signed in after setting up Leadline'];
      if (method === 'sign_up') return ['signed up and signed in'];
      return ['signed in'];
    }
    case 'auth.signed_out':
      return ['signed out'];
    case 'auth.sign_in_failed': {
      const email = String(event.details?.email ?? event.entity.id);
      const reason = failureReasons[String(event.details?.reason)] ?? 'refused';
      return [`Failed sign-in for ${email} — ${reason}`];
    }
    case 'account.password_changed': {
      const ended = detailNumber(event, 'endedSessions') ?? 0;
      return [
        ended > 0
          ? `changed their password and ended ${plural(ended, 'other session', 'other sessions')}`
          : 'changed their password',
      ];
    }
    case 'account.sessions_revoked': {
      const ended = detailNumber(event, 'ended');
      return [
        ended === null
          ? 'signed out of all other sessions'
          : `signed out of ${plural(ended, 'other session', 'other sessions')}`,
      ];
    }
    case 'account.profile_updated':
      return [withFields('updated their profile', changes)];
    case 'account.avatar_changed':
      return ['changed their profile picture'];
    case 'account.avatar_removed':
      return ['removed their profile picture'];
    case 'user.created':
      // Setup and the command line file a new account under itself.
      if (event.actor?.id === event.entity.id) {
        return [`joined as ${roleName(after(changes, 'role'))} (setup or command line)`];
      }
      return ['added ', TARGET, ` as ${roleName(after(changes, 'role'))}`];
    case 'user.updated':
      return ['renamed ', TARGET, ` (was ${String(before(changes, 'name'))})`];
    case 'user.role_changed':
      return [
        'changed ',
        TARGET,
        `’s role from ${roleName(before(changes, 'role'))} to ${roleName(after(changes, 'role'))}`,
      ];
    case 'user.deactivated':
      return ['deactivated ', TARGET];
    case 'user.reactivated':
      return ['reactivated ', TARGET];
    case 'lead.created':
      return ['created the lead ', TARGET];
    case 'lead.updated':
      return ['edited the lead ', TARGET, fieldSuffix(changes)];
    case 'lead.status_changed':
      return [
        'moved the lead ',
        TARGET,
        ` from ${statusName(before(changes, 'status'))} to ${statusName(after(changes, 'status'))}`,
      ];
    case 'lead.assigned':
      return ['reassigned the lead ', TARGET];
    case 'lead.converted':
      return ['converted the lead ', TARGET, ' into a customer'];
    case 'lead.linked':
      return ['linked the lead ', TARGET, ' to an existing customer'];
    case 'lead.deleted':
      return ['deleted the lead ', TARGET];
    case 'customer.created':
      return ['created the customer ', TARGET];
    case 'customer.updated':
      return ['edited the customer ', TARGET, fieldSuffix(changes)];
    case 'customer.deleted':
      return ['deleted the customer ', TARGET];
    case 'settings.updated':
      return [withFields('changed the settings', changes)];
    default:
      return [`${event.action} on `, TARGET];
  }
}

/** An edit's fields follow its target: "edited the lead Ada Lovelace (email and phone)". */
function fieldSuffix(changes: Changes | null): string {
  const fields = fieldList(changes);
  return fields ? ` (${fields})` : '';
}

/** The target's name: its current one, the one a deletion recorded, or the kind of record. */
export function targetLabel(event: AuditEvent): string {
  if (event.entity.label) return event.entity.label;
  const recorded = before(event.changes, 'name');
  if (typeof recorded === 'string') return recorded;
  if (event.entity.type === 'email') return event.entity.id;
  return `a deleted ${event.entity.type}`;
}

/** Where the target lives in the app, while it exists. */
export function targetHref(event: AuditEvent): string | null {
  if (!event.entity.label) return null;
  switch (event.entity.type) {
    case 'lead':
      return `/leads/${event.entity.id}`;
    case 'customer':
      return `/customers/${event.entity.id}`;
    case 'user':
      return '/users';
    default:
      return null;
  }
}

/** The whole sentence as text (tests, titles): "Ada Lovelace changed Sam’s role …". */
export function sentenceText(event: AuditEvent): string {
  const parts = describeEvent(event)
    .map((part) => (typeof part === 'string' ? part : targetLabel(event)))
    .join('');
  if (isFailedSignIn(event)) return parts;
  return `${event.actor?.name ?? 'Someone'} ${parts}`;
}

export function actionLabel(action: string): string {
  return auditActionLabels[action as AuditAction] ?? action;
}

/** "Chrome on macOS", "Safari on iOS", "curl": enough to tell devices apart. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os } = describeUserAgent(userAgent);
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? (userAgent.split(/[\s/]/)[0]?.slice(0, 40) || null);
}
