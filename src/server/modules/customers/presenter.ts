import { userRefOf } from '../../../contracts/avatars.ts';
import type { Customer } from '../../../contracts/customers.ts';
import type { Subject } from '../../lib/policy.ts';
import { toIso } from '../../lib/time.ts';
import { customerPermissions } from './policy.ts';
import type { CustomerRow } from './repository.ts';

export function presentCustomer(row: CustomerRow, actor: Subject): Customer {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    company: row.company,
    address: row.address,
    city: row.city,
    state: row.state,
    zipcode: row.zipcode,
    country: row.country,
    ownerId: row.ownerId,
    owner: userRefOf(row.ownerId, row.ownerName, row.ownerAvatarVersion),
    leadId: row.leadId,
    lead:
      row.leadId && row.leadFirstName !== null
        ? { id: row.leadId, name: `${row.leadFirstName} ${row.leadLastName ?? ''}`.trim() }
        : null,
    createdById: row.createdById,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    can: customerPermissions(actor, row),
  };
}
