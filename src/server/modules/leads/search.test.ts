import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSort } from '../../db/keyset.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/databases.ts';
import { countLeads, insertLead, listLeads } from './repository.ts';
import { indexLead, queryWords, type SearchableLead, searchTokensFor } from './search.ts';

describe('searchTokensFor', () => {
  it('holds each word, the email whole, the phone from each group on, and short prefixes', () => {
    const tokens = searchTokensFor({
      firstName: 'Grace',
      lastName: 'Hopper-Murray',
      email: 'Grace@Navy.example',
      phone: '+1 202 555 0142',
      company: 'Eckert–Mauchly',
    });
    expect(tokens).toEqual(
      expect.arrayContaining([
        'grace',
        'hopper',
        'murray',
        'eckert',
        'mauchly',
        'navy',
        'example',
        'grace@navy.example',
        '12025550142',
        '2025550142',
        '5550142',
        '0142',
        '\u0001g',
        '\u0001gr',
        '\u0001h',
        '\u0001ho',
      ]),
    );
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('reads a search as words, keeping an email address whole', () => {
    expect(queryWords('  Grace   HOPPER ')).toEqual(['grace', 'hopper']);
    expect(queryWords('grace@navy.example')).toEqual(['grace@navy.example']);
    expect(queryWords('%_')).toEqual([]);
  });
});

const people: SearchableLead[] = [
  ['Grace', 'Hopper', 'grace@navy.example', '+1 202 555 0142', 'US Navy'],
  ['Gregory', 'House', 'greg@ppth.example', '', 'Princeton Plainsboro'],
  ['Ada', 'Lovelace', 'ada@analytical.example', '020 7946 0000', 'Analytical Engines'],
  ['Alan', 'Turing', '', '01908 640404', 'Bletchley Park'],
  ['Hedy', 'Lamarr', 'hedy@mgm.example', '', 'MGM'],
  ['Grete', 'Hermann', 'grete@gottingen.example', '', 'Göttingen'],
].map(([firstName, lastName, email, phone, company]) => ({
  firstName: firstName as string,
  lastName: lastName as string,
  email: email as string,
  phone: phone as string,
  company: company as string,
}));

/** What a search should find, written plainly: every query word starts some token. */
function expected(q: string): string[] {
  const words = queryWords(q);
  return people
    .filter((person) => {
      const tokens = searchTokensFor(person).filter((token) => !token.startsWith('\u0001'));
      return words.length > 0 && words.every((w) => tokens.some((t) => t.startsWith(w)));
    })
    .map((person) => person.lastName)
    .sort();
}

describe.each(testDialects())('lead search on %s', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    const { db } = database.database;
    for (const [index, person] of people.entries()) {
      const id = `lead-${index}`;
      const at = new Date(Date.UTC(2026, 0, 1 + index)).toISOString();
      await insertLead(db, {
        id,
        ...person,
        ownerId: null,
        statusChangedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      await indexLead(db, id, { ...person, updatedAt: at });
    }
  });
  afterEach(async () => {
    await database.dispose();
  });

  it.each([
    'g',
    'gr',
    'gre',
    'h',
    'ho',
    'hopper',
    'grace hop',
    'navy',
    'grace@navy.example',
    '0142',
    '2025',
    '7946',
    'göt',
    'lamarr mgm',
    'zz',
    'q',
  ])('finds the same leads for %j with either plan, and counts them', async (q) => {
    const { db } = database.database;
    const sort = parseSort<'updatedAt'>('-updatedAt');
    const names = async (plan: 'lookup' | 'walk') =>
      (await listLeads(db, { q, searchPlan: plan }, sort, 50, null))
        .map((row) => row.lastName)
        .sort();
    expect(await names('lookup')).toEqual(expected(q));
    expect(await names('walk')).toEqual(expected(q));
    expect(await countLeads(db, { q })).toBe(expected(q).length);
    expect(await countLeads(db, { q, statuses: ['new'] })).toBe(expected(q).length);
  });
  it('reads a one-word search in updatedAt order from the index, kept in step by a trigger', async () => {
    const { db } = database.database;
    const newestFirst = parseSort<'updatedAt'>('-updatedAt');
    const order = async (q: string) =>
      (await listLeads(db, { q }, newestFirst, 50, null)).map((row) => row.firstName);
    expect(await order('g')).toEqual(['Grete', 'Gregory', 'Grace']);
    expect(await order('gre')).toEqual(['Grete', 'Gregory']);
    await db
      .updateTable('leads')
      .set({ updatedAt: new Date(Date.UTC(2026, 5, 1)).toISOString() })
      .where('id', '=', 'lead-0')
      .execute();
    expect(await order('g')).toEqual(['Grace', 'Grete', 'Gregory']);
    const rows = await db
      .selectFrom('lead_search')
      .select('updatedAt')
      .where('leadId', '=', 'lead-0')
      .execute();
    expect(new Set(rows.map((row) => new Date(row.updatedAt).toISOString()))).toEqual(
      new Set(['2026-06-01T00:00:00.000Z']),
    );

    // Paging one at a time visits each match once, in order, both ways.
    for (const sort of ['-updatedAt', 'updatedAt'] as const) {
      const seen: string[] = [];
      let cursor: [string | number, string] | null = null;
      for (;;) {
        const page = await listLeads(db, { q: 'g' }, parseSort<'updatedAt'>(sort), 1, cursor);
        const first = page[0];
        if (!first) break;
        seen.push(first.firstName);
        if (page.length < 2) break;
        cursor = [new Date(first.updatedAt).toISOString(), first.id];
      }
      expect(seen).toEqual(
        sort === '-updatedAt' ? ['Grace', 'Grete', 'Gregory'] : ['Gregory', 'Grete', 'Grace'],
      );
    }
  });
});
