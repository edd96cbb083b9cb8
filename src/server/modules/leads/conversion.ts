import type { Conversion, ConvertLeadInput } from '../../../contracts/leads.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/auth-guard.ts';
import { alreadyConverted, fieldError, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/time.ts';
import { recordAudit } from '../audit/repository.ts';
import { canOnCustomer } from '../customers/policy.ts';
import { presentCustomer } from '../customers/presenter.ts';
import { findCustomerById, insertCustomer } from '../customers/repository.ts';
import { ensureCustomerEmailFree, rethrowDuplicateCustomer } from '../customers/service.ts';
import { roleAllows } from './policy.ts';
import { presentLead } from './presenter.ts';
import { claimForConversion, findLeadById, type LeadRow, updateLeadRow } from './repository.ts';
import { loadVisibleLead, refusalError } from './service.ts';
import { checkTransition } from './transitions.ts';

/**
 * Claims the lead for conversion: moves it from qualified to converted only if it is still
 * qualified. Of any number of racing requests exactly one claims it; the rest learn why not.
 */
async function claim(trx: Executor, actor: Actor, lead: LeadRow, now: string) {
  if (await claimForConversion(trx, lead.id, now)) return;
  const current = await findLeadById(trx, lead.id);
  if (current?.status === 'converted') throw alreadyConverted(current.customerId);
  const refusal = checkTransition({
    from: current?.status ?? lead.status,
    to: 'converted',
    role: actor.role,
    via: 'convert',
  });
  throw refusal.ok ? alreadyConverted(null) : refusalError(refusal);
}

/** The customer a lead is linked to instead of a new one: one the actor may see, or the duplicate. */
async function linkTarget(trx: Executor, actor: Actor, lead: LeadRow, customerId: string) {
  const customer = await findCustomerById(trx, customerId);
  const sameEmail =
    customer !== undefined &&
    lead.email !== '' &&
    customer.email.toLowerCase() === lead.email.toLowerCase();
  if (!customer || !(sameEmail || canOnCustomer(actor, 'read', customer))) {
    throw fieldError('customerId', 'No such customer');
  }
  return customer;
}

/**
 * One-click conversion: in one transaction the lead becomes `converted` and either a customer
 * is created from it (owned by the lead's owner) or it is linked to an existing customer, with
 * audit events for both. Exactly one customer results however many requests race: the
 * conditional claim above, the unique `customers.leadId` and the unique `lower(email)` index
 * refuse the rest.
 */
export async function convertLead(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ConvertLeadInput,
): Promise<Conversion> {
  let customerId = input.customerId ?? newId();
  const lead = await loadVisibleLead(ctx.db, actor, id);
  if (!roleAllows(actor, 'convert', lead)) {
    throw forbidden('Your role does not allow you to convert this lead.');
  }
  if (lead.status === 'converted') throw alreadyConverted(lead.customerId);
  const transition = checkTransition({
    from: lead.status,
    to: 'converted',
    role: actor.role,
    via: 'convert',
  });
  if (!transition.ok) throw refusalError(transition);
  if (!input.customerId && !lead.email) {
    throw fieldError('email', 'Add an email address to the lead first: a customer needs one.');
  }

  try {
    await ctx.db.transaction().execute(async (trx) => {
      const now = nowIso();
      if (input.customerId) {
        await claim(trx, actor, lead, now);
        const customer = await linkTarget(trx, actor, lead, input.customerId);
        customerId = customer.id;
        await updateLeadRow(trx, lead.id, { customerId });
        // A customer records the lead it came from once; later links leave that as it is.
        await trx
          .updateTable('customers')
          .set({ leadId: lead.id, updatedAt: now })
          .where('id', '=', customer.id)
          .where('leadId', 'is', null)
          .execute();
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'lead.linked',
          entityType: 'lead',
          entityId: lead.id,
          changes: { status: [lead.status, 'converted'], customerId: [null, customer.id] },
        });
        return;
      }
      await claim(trx, actor, lead, now);
      // Read again under the claim: the owner or email may have changed since the first read.
      const claimed = (await findLeadById(trx, lead.id)) ?? lead;
      await ensureCustomerEmailFree(trx, claimed.email);
      const customer = {
        id: customerId,
        firstName: claimed.firstName,
        lastName: claimed.lastName,
        email: claimed.email,
        phone: claimed.phone,
        company: claimed.company,
        address: '',
        city: '',
        state: '',
        zipcode: '',
        country: '',
        ownerId: claimed.ownerId,
        leadId: lead.id,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      };
      await insertCustomer(trx, customer);
      await updateLeadRow(trx, lead.id, { customerId });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'customer.created',
        entityType: 'customer',
        entityId: customerId,
        changes: {
          leadId: [null, lead.id],
          email: [null, claimed.email],
          ownerId: [null, claimed.ownerId],
        },
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'lead.converted',
        entityType: 'lead',
        entityId: lead.id,
        changes: { status: [lead.status, 'converted'], customerId: [null, customerId] },
      });
    });
  } catch (error) {
    // A racing conversion of this lead stops at the claim; a same-email one trips the index.
    await rethrowDuplicateCustomer(ctx, error, lead.email);
  }

  const [after, customer] = await Promise.all([
    findLeadById(ctx.db, id),
    findCustomerById(ctx.db, customerId),
  ]);
  if (!after || !customer) throw notFound('Lead');
  return {
    lead: presentLead(after, actor),
    customer: canOnCustomer(actor, 'read', customer) ? presentCustomer(customer, actor) : null,
  };
}
