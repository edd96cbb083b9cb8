import { type LeadStatus, leadStatuses, openLeadStatuses } from '../../../contracts/leads.ts';
import type { Role } from '../../../contracts/users.ts';

/** How a status change is asked for: an edit (PATCH) or the conversion endpoint. */
export type TransitionVia = 'update' | 'convert';

export interface TransitionRequest {
  from: LeadStatus;
  to: LeadStatus;
  role: Role;
  via: TransitionVia;
  /** Required (non-blank) when moving to `lost`. */
  lostReason?: string | null | undefined;
}

export type TransitionRefusal =
  | { code: 'lead_locked'; reason: string }
  | { code: 'invalid_transition'; reason: string }
  | { code: 'forbidden'; reason: string }
  | { code: 'validation_failed'; reason: string; field: 'lostReason' };

export type TransitionResult = { ok: true; changed: boolean } | ({ ok: false } & TransitionRefusal);

const isOpen = (status: LeadStatus) => (openLeadStatuses as readonly LeadStatus[]).includes(status);
const mayReopen = (role: Role) => role === 'admin' || role === 'manager';

/**
 * The lead lifecycle, in one pure function: free moves among the open statuses, Lost from any
 * open status with a reason, reopening a Lost lead (to New or Contacted) for admins and
 * managers only, Converted only through conversion and only from Qualified, and nothing at
 * all once converted. Who may edit a lead in the first place is the policy's business.
 */
export function checkTransition(request: TransitionRequest): TransitionResult {
  const { from, to, role, via } = request;
  if (from === 'converted') {
    return { ok: false, code: 'lead_locked', reason: 'A converted lead is locked.' };
  }
  if (via === 'convert') {
    if (from !== 'qualified') {
      return {
        ok: false,
        code: 'invalid_transition',
        reason: 'Only a qualified lead can be converted.',
      };
    }
    return { ok: true, changed: true };
  }
  if (to === from) return { ok: true, changed: false };
  if (to === 'converted') {
    return {
      ok: false,
      code: 'invalid_transition',
      reason: 'A lead becomes converted only through conversion.',
    };
  }
  if (to === 'lost') {
    if (!request.lostReason?.trim()) {
      return {
        ok: false,
        code: 'validation_failed',
        field: 'lostReason',
        reason: 'Say why the lead was lost.',
      };
    }
    return { ok: true, changed: true };
  }
  if (from === 'lost') {
    if (to === 'qualified') {
      return {
        ok: false,
        code: 'invalid_transition',
        reason: 'A lost lead reopens as New or Contacted.',
      };
    }
    if (!mayReopen(role)) {
      return {
        ok: false,
        code: 'forbidden',
        reason: 'Only admins and managers reopen a lost lead.',
      };
    }
    return { ok: true, changed: true };
  }
  // Both open: free movement.
  return isOpen(from) && isOpen(to)
    ? { ok: true, changed: true }
    : { ok: false, code: 'invalid_transition', reason: `Cannot move from ${from} to ${to}.` };
}

/** The statuses a lead may be moved to by an edit (for the board's drop targets). */
export function reachableStatuses(from: LeadStatus, role: Role): LeadStatus[] {
  return leadStatuses.filter(
    (to) =>
      to !== from &&
      checkTransition({ from, to, role, via: 'update', lostReason: 'reason given' }).ok,
  );
}
