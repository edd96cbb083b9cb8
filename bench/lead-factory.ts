import type { Insertable } from 'kysely';
import type { LeadSource, LeadStatus } from '../src/contracts/leads.ts';
import type {
  ActivitiesTable,
  AuditEventsTable,
  CustomersTable,
  LeadSearchTable,
  LeadsTable,
} from '../src/server/db/schema.ts';
import { searchTokensFor } from '../src/server/modules/leads/search.ts';
import type { Random } from './random.ts';
import type { TeamMember } from './team.ts';
import { asciiSlug, DAY_MS, fillTemplate, iso } from './text.ts';
import {
  ACTIVITY_TEMPLATES,
  COMPANY_CORES,
  COMPANY_PREFIXES,
  COMPANY_TLDS,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  LEGAL_SUFFIXES,
  LOST_REASONS,
  NOTE_TEMPLATES,
  PERSONAL_DOMAINS,
  PHONE_FORMATS,
  PLACES,
  STREETS,
} from './vocabulary.ts';

export type LeadRow = Insertable<LeadsTable> & { id: string; status: LeadStatus };
export type CustomerRow = Insertable<CustomersTable>;
export type SearchRow = Insertable<LeadSearchTable>;
export type ActivityRow = Insertable<ActivitiesTable>;
export type AuditRow = Insertable<AuditEventsTable>;

/** Everything one slice of leads brings with it, ready for batched inserts. */
export interface LeadBatch {
  leads: LeadRow[];
  customers: CustomerRow[];
  search: SearchRow[];
  activities: ActivityRow[];
  audit: AuditRow[];
}

const HISTORY_MS = 548 * DAY_MS;

const STATUS_WEIGHTS: ReadonlyArray<readonly [LeadStatus, number]> = [
  ['new', 30],
  ['contacted', 20],
  ['qualified', 15],
  ['converted', 20],
  ['lost', 15],
];

/** Fresh leads are mostly new; closed ones mostly old: an exponent on the age's uniform draw. */
const AGE_SKEW: Record<LeadStatus, number> = {
  new: 2.2,
  contacted: 1.4,
  qualified: 1.1,
  converted: 0.8,
  lost: 0.8,
};

/** Weighted so that about 8% of all leads end up unassigned, mostly fresh ones. */
const UNASSIGNED: Record<LeadStatus, number> = {
  new: 0.2,
  contacted: 0.06,
  qualified: 0.02,
  converted: 0,
  lost: 0.05,
};

const SOURCE_WEIGHTS: ReadonlyArray<readonly [LeadSource, number]> = [
  ['website', 28],
  ['referral', 14],
  ['event', 10],
  ['cold_call', 10],
  ['email_campaign', 14],
  ['social', 10],
  ['partner', 8],
  ['other', 6],
];

interface Company {
  name: string;
  domain: string;
}

interface Person {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
}

export class LeadFactory {
  private readonly emails = new Set<string>();
  private readonly companies: Company[];
  private readonly salesWeights: Array<readonly [TeamMember, number]>;
  private readonly activeSalesWeights: Array<readonly [TeamMember, number]>;
  private readonly leaders: TeamMember[];

  constructor(
    private readonly random: Random,
    team: TeamMember[],
    private readonly anchorMs: number,
    leadCount: number,
  ) {
    // Some reps carry three times the book of others.
    this.salesWeights = team
      .filter((member) => member.role === 'sales')
      .map((member) => [member, member.active ? 0.5 + random.next() : 0.4] as const);
    this.activeSalesWeights = this.salesWeights.filter(([member]) => member.active);
    this.leaders = team.filter((member) => member.role === 'admin' || member.role === 'manager');
    this.companies = this.companyPool(Math.max(300, Math.ceil(leadCount / 25)));
  }

  private companyPool(size: number): Company[] {
    const seen = new Set<string>();
    const pool: Company[] = [];
    const combinations = COMPANY_PREFIXES.length * COMPANY_CORES.length;
    while (pool.length < Math.min(size, combinations)) {
      const base = `${this.random.pick(COMPANY_PREFIXES)} ${this.random.pick(COMPANY_CORES)}`;
      if (seen.has(base)) continue;
      seen.add(base);
      const suffix = this.random.pick(LEGAL_SUFFIXES);
      pool.push({
        name: suffix ? `${base} ${suffix}` : base,
        domain: `${asciiSlug(base)}.${this.random.pick(COMPANY_TLDS)}`,
      });
    }
    return pool;
  }

  /** Unique case-insensitively (customers require it); some typed with capitals, as people do. */
  private email(firstName: string, lastName: string, domain: string): string {
    const first = asciiSlug(firstName);
    const last = asciiSlug(lastName);
    const local = this.random.weighted([
      [`${first}.${last}`, 55],
      [`${first.charAt(0)}${last}`, 20],
      [`${first}_${last}`, 8],
      [`${first}${last.charAt(0)}`, 12],
      [first, 5],
    ] as const);
    let email = `${local}@${domain}`;
    while (this.emails.has(email)) email = `${local}${this.random.int(2, 9999)}@${domain}`;
    this.emails.add(email);
    if (!this.random.chance(0.05)) return email;
    return email.replace(/^[a-z]|\.[a-z]/g, (part) => part.toUpperCase());
  }

  private person(options: { needsEmail: boolean }): Person {
    const firstName = this.random.skewed(FIRST_NAMES);
    const lastName = this.random.skewed(LAST_NAMES, 1.5);
    const company = this.random.chance(0.9) ? this.random.skewed(this.companies, 1.3) : null;
    const personalEmail = company === null || this.random.chance(0.12);
    const hasEmail = options.needsEmail || this.random.chance(0.94);
    const domain = personalEmail ? this.random.pick(PERSONAL_DOMAINS) : company.domain;
    return {
      firstName,
      lastName,
      email: hasEmail ? this.email(firstName, lastName, domain) : '',
      // A lead needs an email or a phone.
      phone:
        !hasEmail || this.random.chance(0.88)
          ? this.random.digits(this.random.pick(PHONE_FORMATS))
          : '',
      company: company?.name ?? '',
    };
  }

  private owner(status: LeadStatus, createdMs: number): TeamMember | null {
    if (this.random.chance(UNASSIGNED[status])) return null;
    if (this.random.chance(0.05)) return this.random.pick(this.leaders);
    // Leads from the last six months went to people who still work here.
    const recent = createdMs > this.anchorMs - 180 * DAY_MS;
    return this.random.weighted(recent ? this.activeSalesWeights : this.salesWeights);
  }

  /** Minor units: log-uniform 500–250,000, most round to the hundred, some exact with cents. */
  private value(status: LeadStatus): number {
    if (this.random.chance(status === 'new' ? 0.25 : 0.04)) return 0;
    const units = Math.exp(Math.log(500) + this.random.next() * Math.log(250_000 / 500));
    return this.random.chance(0.6) ? Math.round(units / 100) * 100 * 100 : Math.round(units * 100);
  }

  private audit(
    msecs: number,
    actorId: string | null,
    action: string,
    entityType: 'lead' | 'customer',
    entityId: string,
    changes: Record<string, [unknown, unknown]>,
  ): AuditRow {
    return {
      id: this.random.uuid(msecs),
      actorId,
      action,
      entityType,
      entityId,
      changes: JSON.stringify(changes),
      createdAt: iso(msecs),
    };
  }

  private customer(
    person: Person,
    ownerId: string | null,
    createdById: string | null,
    createdMs: number,
    leadId: string | null,
  ): CustomerRow {
    const [city, state, zip, country] = this.random.pick(PLACES);
    const editedMs = this.random.chance(0.3)
      ? createdMs + this.random.next() * (this.anchorMs - createdMs)
      : createdMs;
    return {
      id: this.random.uuid(createdMs),
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      phone: person.phone,
      company: person.company,
      address: `${this.random.int(1, 420)} ${this.random.pick(STREETS)}`,
      city,
      state,
      zipcode: this.random.digits(zip),
      country,
      ownerId,
      leadId,
      createdById,
      createdAt: iso(createdMs),
      updatedAt: iso(Math.floor(editedMs)),
    };
  }

  private activities(lead: LeadRow, createdMs: number, authorId: string | null): ActivityRow[] {
    const count =
      lead.status === 'new'
        ? this.random.chance(0.15)
          ? this.random.int(1, 2)
          : 0
        : this.random.chance(0.65)
          ? this.random.int(1, 6)
          : 0;
    const rows: ActivityRow[] = [];
    for (let i = 0; i < count; i++) {
      const kind = this.random.weighted([
        ['note', 35],
        ['call', 30],
        ['email', 25],
        ['meeting', 10],
      ] as const);
      const atMs = Math.floor(createdMs + this.random.next() ** 1.5 * (this.anchorMs - createdMs));
      rows.push({
        id: this.random.uuid(atMs),
        subjectType: 'lead',
        subjectId: lead.id,
        kind,
        body: fillTemplate(this.random, this.random.pick(ACTIVITY_TEMPLATES[kind])),
        dueAt: null,
        doneAt: null,
        authorId,
        createdAt: iso(atMs),
      });
    }
    return rows;
  }

  /** `count` leads in their pipeline stage, with the customers, history and search rows they imply. */
  batch(count: number): LeadBatch {
    const out: LeadBatch = { leads: [], customers: [], search: [], activities: [], audit: [] };
    for (let i = 0; i < count; i++) this.addLead(out);
    return out;
  }

  private addLead(out: LeadBatch): void {
    const status = this.random.weighted(STATUS_WEIGHTS);
    const span = HISTORY_MS * this.random.next() ** AGE_SKEW[status];
    const createdMs = Math.floor(this.anchorMs - 60_000 - span);
    const open = this.anchorMs - createdMs;
    const statusMs =
      status === 'new'
        ? createdMs
        : Math.floor(createdMs + open * (0.05 + 0.55 * this.random.next()));
    // A converted lead is locked: nothing changes after conversion.
    const updatedMs =
      status === 'converted' || this.random.chance(0.5)
        ? statusMs
        : Math.floor(statusMs + (this.anchorMs - statusMs) * 0.4 * this.random.next());
    const owner = this.owner(status, createdMs);
    const creator =
      owner?.role === 'sales' && this.random.chance(0.75) ? owner : this.random.pick(this.leaders);
    const person = this.person({ needsEmail: status === 'converted' });
    const hasCompany = person.company !== '';
    const notes = this.random.chance(0.35)
      ? fillTemplate(this.random, this.random.pick(NOTE_TEMPLATES))
      : '';
    const lead: LeadRow = {
      id: this.random.uuid(createdMs),
      ...person,
      jobTitle: hasCompany ? this.random.skewed(JOB_TITLES, 1.2) : '',
      source: this.random.weighted(SOURCE_WEIGHTS),
      status,
      ownerId: owner?.id ?? null,
      value: this.value(status),
      notes,
      lostReason: status === 'lost' ? this.random.skewed(LOST_REASONS, 1.3) : null,
      // Set after the customer row exists: the two tables reference each other.
      customerId: null,
      convertedAt: status === 'converted' ? iso(statusMs) : null,
      statusChangedAt: iso(statusMs),
      createdById: creator.id,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
    };
    out.leads.push(lead);
    for (const token of searchTokensFor(person)) {
      out.search.push({ token, leadId: lead.id, updatedAt: lead.updatedAt });
    }
    const actorId = owner?.id ?? creator.id;
    out.activities.push(...this.activities(lead, createdMs, actorId));
    out.audit.push(
      this.audit(createdMs, creator.id, 'lead.created', 'lead', lead.id, {
        firstName: [null, person.firstName],
        lastName: [null, person.lastName],
        status: [null, 'new'],
        ...(owner ? { ownerId: [null, owner.id] } : {}),
      }),
    );
    this.addHistory(out, lead, createdMs, statusMs, actorId, person);
  }

  /** The status changes that led here: new → contacted → qualified → converted, or → lost. */
  private addHistory(
    out: LeadBatch,
    lead: LeadRow,
    createdMs: number,
    statusMs: number,
    actorId: string,
    person: Person,
  ) {
    const path: LeadStatus[] = {
      new: ['new'],
      contacted: ['new', 'contacted'],
      qualified: ['new', 'contacted', 'qualified'],
      converted: ['new', 'contacted', 'qualified', 'converted'],
      lost: this.random.chance(0.5) ? ['new', 'lost'] : ['new', 'contacted', 'lost'],
    }[lead.status] as LeadStatus[];
    for (let step = 1; step < path.length; step++) {
      const atMs = Math.floor(createdMs + ((statusMs - createdMs) * step) / (path.length - 1));
      const to = path[step] as LeadStatus;
      const changes: Record<string, [unknown, unknown]> = { status: [path[step - 1], to] };
      if (to === 'lost') changes.lostReason = [null, lead.lostReason];
      if (to !== 'converted') {
        out.audit.push(this.audit(atMs, actorId, 'lead.status_changed', 'lead', lead.id, changes));
        continue;
      }
      const customer = this.customer(person, lead.ownerId ?? null, actorId, atMs, lead.id);
      out.customers.push(customer);
      changes.customerId = [null, customer.id];
      out.audit.push(this.audit(atMs, actorId, 'lead.converted', 'lead', lead.id, changes));
      out.audit.push(
        this.audit(atMs, actorId, 'customer.created', 'customer', customer.id as string, {
          email: [null, customer.email],
          leadId: [null, lead.id],
        }),
      );
    }
  }

  /** Customers that never were leads here: imported from the previous CRM or entered directly. */
  extraCustomers(count: number): { customers: CustomerRow[]; audit: AuditRow[] } {
    const customers: CustomerRow[] = [];
    const audit: AuditRow[] = [];
    for (let i = 0; i < count; i++) {
      const createdMs = Math.floor(this.anchorMs - 60_000 - this.random.next() * 730 * DAY_MS);
      const owner = this.random.weighted(this.salesWeights);
      const creator = this.random.chance(0.7) ? owner : this.random.pick(this.leaders);
      const customer = this.customer(
        this.person({ needsEmail: true }),
        owner.id,
        creator.id,
        createdMs,
        null,
      );
      customers.push(customer);
      audit.push(
        this.audit(createdMs, creator.id, 'customer.created', 'customer', customer.id as string, {
          email: [null, customer.email],
          ownerId: [null, owner.id],
        }),
      );
    }
    return { customers, audit };
  }
}
