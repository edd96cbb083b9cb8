import { randomInt } from 'node:crypto';
import type { LeadSource } from '../../../contracts/leads.ts';
import type { ApiClient, ApiResponse } from './api-client.ts';

/** The path each lead of the load walks, as far as its plan goes. */
export const STAGES = ['new', 'contacted', 'qualified', 'converted'] as const;
export type Stage = (typeof STAGES)[number];

export const stageRank = (stage: string): number => STAGES.indexOf(stage as Stage);

/** One note the load asked for; `id` is set once its answer arrived. */
export interface NoteLedger {
  body: string;
  id: string | null;
}

/** What the test knows of one lead it asked for: asked, and acknowledged (2xx received). */
export interface LeadLedger {
  /** Unique to the lead: finds it in the database even when its create's answer was lost. */
  email: string;
  firstName: string;
  lastName: string;
  source: LeadSource;
  ownerId: string | null;
  /** Its value at creation and the one the move to qualified sets (cents). */
  createCents: number;
  qualifyCents: number;
  /** Set once the create was acknowledged. */
  id: string | null;
  /** The furthest stage acknowledged (null: not even the create) and the furthest asked for. */
  acknowledged: Stage | null;
  asked: Stage;
  /** The customer an acknowledged conversion answered with. */
  customerId: string | null;
  notes: NoteLedger[];
}

/** Which client writes a lead, and who it may own the lead on behalf of. */
export interface LoadWriter {
  client: ApiClient;
  /** The owners it gives its leads in turn (null: unassigned). A sales user names itself. */
  owners: Array<string | null>;
}

const SOURCES: LeadSource[] = ['website', 'referral', 'event', 'cold_call', 'partner', 'other'];

/**
 * Every write of every round of the load. A write is acknowledged when its whole 2xx answer
 * arrived, unknown when the connection died first (the kill), refused on any other answer —
 * which this load never provokes, so a refusal is a defect the test reports.
 */
export class WriteLedger {
  readonly leads: LeadLedger[] = [];
  acknowledgedWrites = 0;
  unknownWrites = 0;
  readonly refusals: string[] = [];
  #waiters: Array<{ count: number; resolve: () => void }> = [];
  #sequence = 0;

  plan(round: number, writer: LoadWriter): LeadLedger {
    this.#sequence += 1;
    const createCents = randomInt(0, 5_000_000);
    const lead: LeadLedger = {
      email: `crash-${round}-${this.#sequence}@example.com`,
      firstName: `Crash${this.#sequence}`,
      lastName: `Round${round}`,
      source: SOURCES[this.#sequence % SOURCES.length] ?? 'other',
      ownerId: writer.owners[this.#sequence % writer.owners.length] ?? null,
      createCents,
      // Never the same value: the move to qualified must change it (and audit the change).
      qualifyCents: createCents + randomInt(1, 5_000_000),
      id: null,
      acknowledged: null,
      asked: 'new',
      customerId: null,
      notes: [],
    };
    this.leads.push(lead);
    return lead;
  }

  acknowledge(): void {
    this.acknowledgedWrites += 1;
    this.#waiters = this.#waiters.filter((waiter) => {
      if (this.acknowledgedWrites < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Resolves once this many writes (of all rounds) have been acknowledged. */
  acknowledged(count: number): Promise<void> {
    if (this.acknowledgedWrites >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }
}

export interface RunningLoad {
  /** No worker starts another request; those in flight go on. */
  stop(): void;
  /** Resolves when every worker has returned (never rejects). */
  settled: Promise<void>;
}

type Outcome<Body> = { ok: true; body: Body } | { ok: false };

/**
 * `workers` loops, each walking one lead after another through create → note → contacted →
 * qualified (with a new value) → convert → note, stopping each lead at a random stage, until
 * `stop()` — or until one of its writes gets no answer (the server was killed) or is refused.
 */
export function startLoad(options: {
  ledger: WriteLedger;
  writers: LoadWriter[];
  workers: number;
  round: number;
}): RunningLoad {
  const { ledger, writers, round } = options;
  let stopped = false;

  /** One write; false when it is not acknowledged (then the worker stops). */
  async function write<Body>(
    what: string,
    send: () => Promise<ApiResponse<Body>>,
  ): Promise<Outcome<Body>> {
    if (stopped) return { ok: false };
    let response: ApiResponse<Body>;
    try {
      response = await send();
    } catch {
      // No whole answer: the server died with the request in flight. It may or may not have
      // committed; the checks hold it to "whole if there".
      ledger.unknownWrites += 1;
      return { ok: false };
    }
    if (response.status < 200 || response.status > 299) {
      ledger.refusals.push(`${what}: ${response.status} ${response.text.slice(0, 300)}`);
      return { ok: false };
    }
    ledger.acknowledge();
    return { ok: true, body: response.body };
  }

  async function note(client: ApiClient, lead: LeadLedger, id: string): Promise<boolean> {
    const entry: NoteLedger = { body: `note ${lead.notes.length + 1} on ${lead.email}`, id: null };
    lead.notes.push(entry);
    const done = await write<{ id: string }>('note', () =>
      client.post(`/api/v1/leads/${id}/activities`, { kind: 'note', body: entry.body }),
    );
    if (done.ok) entry.id = done.body.id;
    return done.ok;
  }

  async function move(client: ApiClient, lead: LeadLedger, id: string, to: Stage) {
    lead.asked = to;
    const done = await write(`move to ${to}`, () =>
      client.patch(`/api/v1/leads/${id}`, {
        status: to,
        ...(to === 'qualified' ? { value: lead.qualifyCents / 100 } : {}),
      }),
    );
    if (done.ok) lead.acknowledged = to;
    return done.ok;
  }

  /** One lead, as far as its plan goes; false when the worker should stop. */
  async function walk(writer: LoadWriter): Promise<boolean> {
    const { client } = writer;
    const lead = ledger.plan(round, writer);
    // Half the leads convert; the rest stop at each earlier stage.
    const goal = STAGES[Math.min(randomInt(0, 6), 3)] ?? 'converted';
    const created = await write<{ id: string }>('create', () =>
      client.post('/api/v1/leads', {
        firstName: lead.firstName,
        lastName: lead.lastName,
        email: lead.email,
        source: lead.source,
        value: lead.createCents / 100,
        ownerId: lead.ownerId,
      }),
    );
    if (!created.ok) return false;
    const id = created.body.id;
    lead.id = id;
    lead.acknowledged = 'new';
    if (randomInt(0, 10) < 7 && !(await note(client, lead, id))) return false;
    for (const stage of ['contacted', 'qualified'] as const) {
      if (stageRank(goal) < stageRank(stage)) return true;
      if (!(await move(client, lead, id, stage))) return false;
    }
    if (goal !== 'converted') return true;
    lead.asked = 'converted';
    const converted = await write<{ lead: { customerId: string } }>('convert', () =>
      client.post(`/api/v1/leads/${id}/convert`, {}),
    );
    if (!converted.ok) return false;
    lead.acknowledged = 'converted';
    lead.customerId = converted.body.lead.customerId;
    // Notes are still allowed on a converted lead.
    return randomInt(0, 10) < 3 ? note(client, lead, id) : true;
  }

  async function worker(index: number): Promise<void> {
    const writer = writers[index % writers.length];
    if (!writer) return;
    try {
      while (!stopped) {
        if (!(await walk(writer))) return;
      }
    } catch (error) {
      ledger.refusals.push(`worker ${index} failed: ${String(error)}`);
    }
  }

  const settled = Promise.all(Array.from({ length: options.workers }, (_, i) => worker(i))).then(
    () => undefined,
  );
  return {
    stop: () => {
      stopped = true;
    },
    settled,
  };
}
