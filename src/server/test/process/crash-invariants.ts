import type { DatabaseSnapshot, LeadSnapshot, TotalsCell } from './database-snapshot.ts';
import { type LeadLedger, stageRank, type WriteLedger } from './write-load.ts';

/** How many times each audit action was recorded about each entity: `action entityId` → n. */
function countEvents(snapshot: DatabaseSnapshot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of snapshot.audit) {
    const key = `${event.action} ${event.entityId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** An acknowledged or unknown lead against its row (or its absence). */
function checkLead(
  lead: LeadLedger,
  rows: LeadSnapshot[],
  snapshot: DatabaseSnapshot,
  problems: string[],
): void {
  const label = `${lead.email} (id ${lead.id ?? 'unknown'})`;
  if (rows.length > 1) problems.push(`${label}: ${rows.length} leads with its email`);
  const row = rows[0];
  if (!row) {
    if (lead.id !== null) problems.push(`${label}: acknowledged create is missing`);
    return;
  }
  if (lead.id !== null && row.id !== lead.id) problems.push(`${label}: found with id ${row.id}`);
  const fields = [
    ['firstName', lead.firstName],
    ['lastName', lead.lastName],
    ['source', lead.source],
    ['ownerId', lead.ownerId],
  ] as const;
  for (const [field, expected] of fields) {
    if (row[field] !== expected) problems.push(`${label}: ${field} ${row[field]} ≠ ${expected}`);
  }
  const rank = stageRank(row.status);
  const least = lead.acknowledged === null ? 0 : stageRank(lead.acknowledged);
  if (rank < least || rank > stageRank(lead.asked)) {
    problems.push(
      `${label}: status ${row.status}, acknowledged ${lead.acknowledged}, asked ${lead.asked}`,
    );
  }
  // The move to qualified sets the new value in the same transaction as the status.
  const value = rank >= stageRank('qualified') ? lead.qualifyCents : lead.createCents;
  if (row.value !== value) problems.push(`${label}: value ${row.value} ≠ ${value} (${row.status})`);
  if (lead.customerId !== null && row.customerId !== lead.customerId) {
    problems.push(`${label}: acknowledged customer ${lead.customerId}, has ${row.customerId}`);
  }
  const asked = new Set(lead.notes.map((note) => note.body));
  const notes = snapshot.activities.filter((note) => note.subjectId === row.id);
  for (const note of notes) {
    if (!asked.has(note.body)) problems.push(`${label}: a note nobody wrote: ${note.body}`);
  }
  for (const note of lead.notes) {
    if (
      note.id !== null &&
      !notes.some((found) => found.id === note.id && found.body === note.body)
    ) {
      problems.push(`${label}: acknowledged note ${note.id} is missing`);
    }
  }
}

/** Every converted lead has its customer pointing back, and no customer is half-made. */
function checkConversions(snapshot: DatabaseSnapshot, problems: string[]): void {
  const leads = new Map(snapshot.leads.map((lead) => [lead.id, lead]));
  const customers = new Map(snapshot.customers.map((customer) => [customer.id, customer]));
  for (const lead of snapshot.leads) {
    const converted = lead.status === 'converted';
    if (converted !== (lead.customerId !== null)) {
      problems.push(`lead ${lead.id}: status ${lead.status} with customerId ${lead.customerId}`);
    }
    if (!lead.customerId) continue;
    const customer = customers.get(lead.customerId);
    if (customer?.leadId !== lead.id || customer.email !== lead.email) {
      problems.push(
        `lead ${lead.id}: its customer ${lead.customerId} is ${JSON.stringify(customer)}`,
      );
    }
  }
  for (const customer of snapshot.customers) {
    const lead = customer.leadId ? leads.get(customer.leadId) : undefined;
    if (lead?.status !== 'converted' || lead.customerId !== customer.id) {
      problems.push(`customer ${customer.id}: its lead ${customer.leadId} is ${lead?.status}`);
    }
  }
}

/**
 * One event per committed change, and none without one: a lead's `lead.created`, one
 * `lead.status_changed` per move, one `lead.updated` for the value the move to qualified set,
 * `lead.converted` and the customer's `customer.created`.
 */
function checkAudit(snapshot: DatabaseSnapshot, problems: string[]): void {
  const counts = countEvents(snapshot);
  const expected = new Map<string, number>();
  for (const lead of snapshot.leads) {
    const rank = stageRank(lead.status);
    expected.set(`lead.created ${lead.id}`, 1);
    expected.set(`lead.status_changed ${lead.id}`, Math.min(rank, 2));
    expected.set(`lead.updated ${lead.id}`, rank >= stageRank('qualified') ? 1 : 0);
    expected.set(`lead.converted ${lead.id}`, lead.status === 'converted' ? 1 : 0);
  }
  for (const customer of snapshot.customers) expected.set(`customer.created ${customer.id}`, 1);
  for (const [key, count] of expected) {
    const found = counts.get(key) ?? 0;
    if (found !== count) problems.push(`audit: ${found} × ${key}, expected ${count}`);
  }
  for (const [key, count] of counts) {
    if (!expected.has(key)) problems.push(`audit: ${count} × ${key}, about nothing that exists`);
  }
}

/** `lead_totals` equals the leads' own grouping (empty cells may stay); the value total too. */
function checkTotals(snapshot: DatabaseSnapshot, problems: string[]): void {
  const key = (cell: TotalsCell) => `${cell.ownerKey || "''"}/${cell.source}/${cell.status}`;
  const grouped = new Map(snapshot.grouped.map((cell) => [key(cell), cell]));
  const stored = new Map(snapshot.totals.map((cell) => [key(cell), cell]));
  for (const [name, cell] of stored) {
    const real = grouped.get(name) ?? { count: 0, value: 0 };
    if (cell.count !== real.count || cell.value !== real.value) {
      problems.push(
        `lead_totals ${name}: ${cell.count} / ${cell.value}, leads say ${real.count} / ${real.value}`,
      );
    }
  }
  for (const [name, cell] of grouped) {
    if (!stored.has(name)) problems.push(`lead_totals ${name}: missing (${cell.count} leads)`);
  }
  if (snapshot.valueTotal !== snapshot.valueSum) {
    problems.push(`lead_value_total ${snapshot.valueTotal}, sum of leads ${snapshot.valueSum}`);
  }
}

/**
 * Everything that must hold after a crash and a restart, as a list of what does not (empty
 * when all is well): every acknowledged write there, every unknown one whole or absent, nothing
 * nobody asked for, conversions whole, audit and totals exact, the SQLite file sound.
 */
export function crashProblems(snapshot: DatabaseSnapshot, ledger: WriteLedger): string[] {
  const problems: string[] = [];
  const byEmail = new Map<string, LeadSnapshot[]>();
  for (const row of snapshot.leads)
    byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row]);
  const asked = new Set<string>();
  for (const lead of ledger.leads) {
    asked.add(lead.email);
    checkLead(lead, byEmail.get(lead.email) ?? [], snapshot, problems);
  }
  for (const row of snapshot.leads) {
    if (!asked.has(row.email)) problems.push(`lead ${row.id} (${row.email}): nobody created it`);
  }
  const leadIds = new Set(snapshot.leads.map((lead) => lead.id));
  for (const note of snapshot.activities) {
    if (note.subjectType !== 'lead' || !leadIds.has(note.subjectId)) {
      problems.push(
        `activity ${note.id}: on ${note.subjectType} ${note.subjectId}, which is no lead`,
      );
    }
  }
  checkConversions(snapshot, problems);
  checkAudit(snapshot, problems);
  checkTotals(snapshot, problems);
  if (snapshot.integrity && snapshot.integrity.join() !== 'ok') {
    problems.push(`integrity_check: ${snapshot.integrity.join('; ')}`);
  }
  if (snapshot.foreignKeyViolations?.length) {
    problems.push(`foreign_key_check: ${JSON.stringify(snapshot.foreignKeyViolations)}`);
  }
  return problems;
}
