import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/types.ts';

/** The fields `q` searches. */
export interface SearchableLead {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
}

const MAX_TOKEN_LENGTH = 64;
const MAX_QUERY_WORDS = 6;
/** The largest code point: `prefix + TOP` sorts after every token that starts with `prefix`. */
const TOP = '\u{10FFFF}';

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.slice(0, MAX_TOKEN_LENGTH));
}

/**
 * The words a lead is found by: each word of its names, company and email, the email whole,
 * and the phone number's digits from the start of each group it was written in (so
 * "+1 202 555 0142" is found by "1202", "202555", "555" or "0142").
 */
export function searchTokensFor(lead: SearchableLead): string[] {
  const tokens = new Set<string>([
    ...words(lead.firstName),
    ...words(lead.lastName),
    ...words(lead.company),
    ...words(lead.email),
  ]);
  const email = lead.email.trim().toLowerCase();
  if (email) tokens.add(email.slice(0, MAX_TOKEN_LENGTH));
  const groups = lead.phone.split(/\D+/).filter(Boolean);
  groups.forEach((_, index) => {
    tokens.add(groups.slice(index).join('').slice(0, MAX_TOKEN_LENGTH));
  });
  return [...tokens];
}

/** The words of a search, as the index holds them; an email address is also kept whole. */
export function queryWords(q: string): string[] {
  const trimmed = q.trim().toLowerCase();
  if (/^\S+@\S+$/.test(trimmed)) return [trimmed.slice(0, MAX_TOKEN_LENGTH)];
  return [...new Set(words(q))].slice(0, MAX_QUERY_WORDS);
}

/** Rewrites a lead's rows in the search index; call in the transaction that writes the lead. */
export async function indexLead(db: Executor, leadId: string, lead: SearchableLead) {
  await db.deleteFrom('lead_search').where('leadId', '=', leadId).execute();
  const tokens = searchTokensFor(lead);
  if (tokens.length > 0) {
    await db
      .insertInto('lead_search')
      .values(tokens.map((token) => ({ token, leadId })))
      .execute();
  }
}

/** Leads with a word starting with each word of `q` (every word must match something). */
export function matchesSearch(eb: ExpressionBuilder<DB, 'leads'>, q: string): Expression<SqlBool> {
  const conditions = queryWords(q).map((word) =>
    eb(
      'leads.id',
      'in',
      eb
        .selectFrom('lead_search')
        .select('lead_search.leadId')
        .where('lead_search.token', '>=', word)
        .where('lead_search.token', '<', word + TOP),
    ),
  );
  // A search of only punctuation matches nothing rather than everything.
  return conditions.length > 0 ? eb.and(conditions) : sql<SqlBool>`1 = 0`;
}
