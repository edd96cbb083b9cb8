import { userRefOf } from '../../../contracts/avatars.ts';
import type { Lead } from '../../../contracts/leads.ts';
import type { Subject } from '../../lib/policy.ts';
import { toIso } from '../../lib/time.ts';
import { leadPermissions } from './policy.ts';
import type { LeadRow } from './repository.ts';
import { reachableStatuses } from './transitions.ts';

/** Money is stored in minor units (cents) and spoken in the API as a decimal number. */
export const toMinorUnits = (value: number): number => Math.round(value * 100);
export const fromMinorUnits = (cents: number): number => cents / 100;

export function presentLead(row: LeadRow, actor: Subject): Lead {
  const can = leadPermissions(actor, row);
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    company: row.company,
    jobTitle: row.jobTitle,
    source: row.source,
    status: row.status,
    ownerId: row.ownerId,
    owner: userRefOf(row.ownerId, row.ownerName, row.ownerAvatarVersion),
    value: fromMinorUnits(Number(row.value)),
    notes: row.notes,
    lostReason: row.lostReason,
    customerId: row.customerId,
    convertedAt: row.convertedAt ? toIso(row.convertedAt) : null,
    statusChangedAt: toIso(row.statusChangedAt),
    createdById: row.createdById,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    can,
    nextStatuses: can.edit ? reachableStatuses(row.status, actor.role) : [],
  };
}
