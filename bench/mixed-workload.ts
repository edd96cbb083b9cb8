import type { Kysely } from 'kysely';
import type { LeadStatus } from '../src/contracts/leads.ts';
import type { DB, Role } from '../src/server/db/schema.ts';
import { Random } from './random.ts';
import { fillTemplate } from './text.ts';
import {
  ACTIVITY_TEMPLATES,
  COMPANY_CORES,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  LOST_REASONS,
} from './vocabulary.ts';

/** What one simulated user does next; the weights are percentages of all requests. */
export const OPERATIONS = [
  ['list', 22, 'GET /api/v1/leads (the default list: 50 newest, with total)'],
  ['search', 12, 'GET /api/v1/leads?q=… (a last name, a company word or a first-name prefix)'],
  ['lead', 11, 'GET /api/v1/leads/:id (a lead page)'],
  ['timeline', 5, "GET /api/v1/leads/:id/activities (the lead page's timeline)"],
  ['board', 10, 'GET /api/v1/pipeline (the board: five columns of 20 cards)'],
  ['me', 6, 'GET /api/v1/me'],
  ['dashboard', 4, 'GET /api/v1/analytics/summary (managers, admins) or /analytics/me (sales)'],
  ['create', 6, 'POST /api/v1/leads'],
  ['note', 10, 'POST /api/v1/leads/:id/activities (a note, call, email or meeting)'],
  ['move', 8, 'PATCH /api/v1/leads/:id {status} (among the open statuses; 1 in 7 to lost)'],
  ['edit', 6, 'PATCH /api/v1/leads/:id {value | phone | jobTitle}'],
] as const;

export type Operation = (typeof OPERATIONS)[number][0];
export const WRITES: ReadonlySet<Operation> = new Set(['create', 'note', 'move', 'edit']);

/** Which role each client signs in as, repeating every 8 clients: 5 sales, 2 managers, 1 admin. */
const ROLE_CYCLE: Role[] = [
  'sales',
  'sales',
  'manager',
  'sales',
  'sales',
  'admin',
  'sales',
  'manager',
];

export interface BenchUser {
  id: string;
  email: string;
  role: Role;
}

export interface PlannedRequest {
  operation: Operation;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  leadId?: string;
}

/** Leads a client works on, with the status it last saw; converted leads are locked, left out. */
type WorkingSet = Map<string, LeadStatus>;

const OPEN: LeadStatus[] = ['new', 'contacted', 'qualified'];
/** Leads each client starts with: a random sample of the open leads in its scope. */
const WORKING_SET_SIZE = 100;

/**
 * One simulated user: a session of its own, a role, and the leads it works on. It plans its next
 * request from the mix and learns from the answer (a created lead joins its working set, a moved
 * lead's status is what the server said).
 */
export class BenchClient {
  private created = 0;
  private readonly weights: ReadonlyArray<readonly [Operation, number]>;

  constructor(
    readonly index: number,
    readonly user: BenchUser,
    readonly cookie: string,
    private readonly leads: WorkingSet,
    private readonly terms: readonly string[],
    private readonly random: Random,
    private readonly runTag: string,
  ) {
    this.weights = OPERATIONS.map(([operation, weight]) => [operation, weight] as const);
  }

  next(): PlannedRequest {
    const operation = this.random.weighted(this.weights);
    const leadId = this.pickLead();
    if (leadId === null && operation !== 'list' && !WRITES.has(operation)) {
      return { operation: 'list', method: 'GET', path: '/api/v1/leads' };
    }
    switch (operation) {
      case 'list':
        return { operation, method: 'GET', path: '/api/v1/leads' };
      case 'search':
        return {
          operation,
          method: 'GET',
          path: `/api/v1/leads?${new URLSearchParams({ q: this.random.pick(this.terms) })}`,
        };
      case 'board':
        return { operation, method: 'GET', path: '/api/v1/pipeline' };
      case 'me':
        return { operation, method: 'GET', path: '/api/v1/me' };
      case 'dashboard':
        return {
          operation,
          method: 'GET',
          path: this.user.role === 'sales' ? '/api/v1/analytics/me' : '/api/v1/analytics/summary',
        };
      case 'create':
        return { operation, method: 'POST', path: '/api/v1/leads', body: this.newLead() };
      default:
        return this.onLead(operation, leadId);
    }
  }

  private onLead(operation: Operation, leadId: string | null): PlannedRequest {
    if (leadId === null) {
      return { operation: 'create', method: 'POST', path: '/api/v1/leads', body: this.newLead() };
    }
    const path = `/api/v1/leads/${leadId}`;
    switch (operation) {
      case 'lead':
        return { operation, method: 'GET', path, leadId };
      case 'timeline':
        return { operation, method: 'GET', path: `${path}/activities`, leadId };
      case 'note': {
        const kind = this.random.pick(['note', 'call', 'email', 'meeting'] as const);
        const body = fillTemplate(this.random, this.random.pick(ACTIVITY_TEMPLATES[kind]));
        return {
          operation,
          method: 'POST',
          path: `${path}/activities`,
          body: { kind, body },
          leadId,
        };
      }
      case 'move':
        return { operation, method: 'PATCH', path, body: this.moveFrom(leadId), leadId };
      default:
        return { operation, method: 'PATCH', path, body: this.edit(), leadId };
    }
  }

  /** Takes in the server's answer: the lead's status as it now is, or that it is out of reach. */
  observe(request: PlannedRequest, status: number, text: string): void {
    if (status === 201 && request.operation === 'create') {
      const lead = parseLead(text);
      if (lead) this.leads.set(lead.id, lead.status);
      return;
    }
    if (request.leadId === undefined) return;
    if (status === 200 && (request.method === 'PATCH' || request.operation === 'lead')) {
      const lead = parseLead(text);
      if (!lead) return;
      // Converted is locked; a lost lead is a manager's to reopen, so a sales user lets it go.
      const done = lead.status === 'converted' || (lead.status === 'lost' && !this.mayReopen);
      if (done) this.leads.delete(request.leadId);
      else this.leads.set(request.leadId, lead.status);
    } else if (status === 404 || status === 409) {
      // Gone, out of scope or locked by a conversion: nothing more to do with it.
      this.leads.delete(request.leadId);
    }
  }

  private get mayReopen(): boolean {
    return this.user.role !== 'sales';
  }

  private pickLead(): string | null {
    if (this.leads.size === 0) return null;
    // Maps keep insertion order; a random step into it is cheap enough for 100-odd leads.
    let skip = this.random.int(0, this.leads.size - 1);
    for (const id of this.leads.keys()) {
      if (skip === 0) return id;
      skip -= 1;
    }
    return null;
  }

  /** A move the board offers this role: among the open statuses, to lost, or reopening. */
  private moveFrom(leadId: string): { status: LeadStatus; lostReason?: string } {
    const from = this.leads.get(leadId) ?? 'new';
    if (from === 'lost') return { status: this.random.pick(['new', 'contacted'] as const) };
    if (this.random.chance(1 / 7)) {
      return { status: 'lost', lostReason: this.random.pick(LOST_REASONS) };
    }
    return { status: this.random.pick(OPEN.filter((status) => status !== from)) };
  }

  private edit(): Record<string, string | number> {
    switch (this.random.int(0, 2)) {
      case 0:
        return { value: this.random.int(500, 250_000) };
      case 1:
        return { phone: this.random.digits('+1 (###) 555-####') };
      default:
        return { jobTitle: this.random.pick(JOB_TITLES) || 'Owner' };
    }
  }

  private newLead() {
    this.created += 1;
    const firstName = this.random.skewed(FIRST_NAMES);
    const lastName = this.random.skewed(LAST_NAMES);
    return {
      firstName,
      lastName,
      email: `mixed-${this.runTag}-${this.index}-${this.created}@leadline-bench.example`,
      company: `${this.random.skewed(COMPANY_CORES)} ${this.random.pick(['Labs', 'Group', 'GmbH', 'Inc.'])}`,
      jobTitle: this.random.pick(JOB_TITLES),
      source: this.random.pick(['website', 'referral', 'event', 'cold_call', 'partner'] as const),
      value: this.random.int(0, 100_000),
    };
  }
}

function parseLead(text: string): { id: string; status: LeadStatus } | null {
  try {
    const lead = JSON.parse(text) as { id?: unknown; status?: unknown };
    return typeof lead.id === 'string' && typeof lead.status === 'string'
      ? { id: lead.id, status: lead.status as LeadStatus }
      : null;
  } catch {
    return null;
  }
}

/** Who each of `count` clients signs in as: roles in ROLE_CYCLE, users of a role in turn. */
export function assignUsers(users: BenchUser[], count: number): BenchUser[] {
  const byRole = (role: Role) => users.filter((user) => user.role === role);
  const pools = { admin: byRole('admin'), manager: byRole('manager'), sales: byRole('sales') };
  const turns = { admin: 0, manager: 0, sales: 0 };
  return Array.from({ length: count }, (_, index) => {
    const role = ROLE_CYCLE[index % ROLE_CYCLE.length] as 'admin' | 'manager' | 'sales';
    const pool = pools[role];
    if (pool.length === 0) throw new Error(`the bench database has no active ${role}`);
    const user = pool[turns[role] % pool.length] as BenchUser;
    turns[role] += 1;
    return user;
  });
}

export interface Workload {
  users: BenchUser[];
  terms: string[];
  /** A working set for a client signed in as `user` (a fresh sample on every call). */
  workingSet(user: BenchUser, random: Random): WorkingSet;
}

/**
 * Reads, before the server starts, what the clients need from the data: the active users, the
 * open leads of each owner (sales users work on their own; managers and admins on anyone's) and
 * search terms people would type, taken from the leads themselves.
 */
export async function loadWorkload(db: Kysely<DB>, seed: number): Promise<Workload> {
  const users = (await db
    .selectFrom('users')
    .select(['id', 'email', 'role'])
    .where('active', '=', 1)
    .where('role', 'in', ['admin', 'manager', 'sales'])
    .orderBy('email')
    .execute()) as BenchUser[];
  const open = await db
    .selectFrom('leads')
    .select(['id', 'ownerId', 'status', 'lastName', 'company', 'firstName'])
    .where('status', 'in', OPEN)
    .execute();
  if (users.length === 0 || open.length === 0) {
    throw new Error('the database has no active users or no open leads: run npm run bench:seed');
  }
  const byOwner = new Map<string, typeof open>();
  for (const lead of open) {
    if (lead.ownerId === null) continue;
    const list = byOwner.get(lead.ownerId) ?? [];
    list.push(lead);
    byOwner.set(lead.ownerId, list);
  }
  const random = new Random(seed);
  const terms = new Set<string>();
  while (terms.size < 60) {
    const lead = random.pick(open);
    const term = random.weighted([
      [lead.lastName, 4],
      [lead.company.split(' ')[0] ?? '', 4],
      [lead.firstName.slice(0, 2), 2],
    ] as const);
    if (term.length >= 2) terms.add(term.toLowerCase());
  }
  return {
    users,
    terms: [...terms],
    workingSet: (user, clientRandom) => {
      const pool = user.role === 'sales' ? (byOwner.get(user.id) ?? []) : open;
      const set: WorkingSet = new Map();
      for (
        let tries = 0;
        set.size < Math.min(WORKING_SET_SIZE, pool.length) && tries < 10_000;
        tries++
      ) {
        const lead = clientRandom.pick(pool);
        set.set(lead.id, lead.status as LeadStatus);
      }
      return set;
    },
  };
}
