import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { afterCursor, type SortDirection } from '../../db/keyset.ts';
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
/**
 * Searches of one or two characters match a large share of all leads, and counting the
 * distinct leads over a wide token range is slow. So the index also holds, once per lead, each
 * distinct one- and two-character prefix of the lead's words, marked so they never fall in a
 * word's range: a short search is then one equality lookup whose rows are already distinct.
 */
const SHORT_MARK = '\u0001';
const SHORT_PREFIX_MAX = 2;

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
  for (const token of [...tokens]) {
    for (let length = 1; length <= Math.min(SHORT_PREFIX_MAX, token.length); length += 1) {
      tokens.add(SHORT_MARK + token.slice(0, length));
    }
  }
  return [...tokens];
}

/** The words of a search, as the index holds them; an email address is also kept whole. */
export function queryWords(q: string): string[] {
  const trimmed = q.trim().toLowerCase();
  if (/^\S+@\S+$/.test(trimmed)) return [trimmed.slice(0, MAX_TOKEN_LENGTH)];
  return [...new Set(words(q))].slice(0, MAX_QUERY_WORDS);
}

/** Rewrites a lead's rows in the search index; call in the transaction that writes the lead. */
export async function indexLead(
  db: Executor,
  leadId: string,
  lead: SearchableLead & { updatedAt: string | Date },
) {
  await db.deleteFrom('lead_search').where('leadId', '=', leadId).execute();
  const tokens = searchTokensFor(lead);
  if (tokens.length > 0) {
    await db
      .insertInto('lead_search')
      .values(tokens.map((token) => ({ token, leadId, updatedAt: lead.updatedAt })))
      .execute();
  }
}

/**
 * How a search is joined to the list:
 * - `lookup` collects the matching lead ids from the index first: best when few leads match;
 * - `walk` walks the list's sort index and checks each lead against the index (one probe of
 *   `(leadId, token)` per lead): best when many match, as a page fills after a few rows
 *   instead of sorting every match.
 */
export type SearchPlan = 'lookup' | 'walk';

/** Above this many matches, walking the sort index beats collecting and sorting the matches. */
export const WALK_THRESHOLD = 1_000;

/** The index rows a word of a search matches: its short-prefix row, or a range of words. */
function matchesWord(eb: ExpressionBuilder<DB, 'lead_search'>, word: string): Expression<SqlBool> {
  return word.length <= SHORT_PREFIX_MAX
    ? eb('lead_search.token', '=', SHORT_MARK + word)
    : eb.and([eb('lead_search.token', '>=', word), eb('lead_search.token', '<', word + TOP)]);
}

/** Leads with a word starting with each word of `q` (every word must match something). */
export function matchesSearch(
  eb: ExpressionBuilder<DB, 'leads'>,
  q: string,
  plan: SearchPlan = 'lookup',
): Expression<SqlBool> {
  const conditions = queryWords(q).map((word) => {
    const tokens = eb.selectFrom('lead_search').where((inner) => matchesWord(inner, word));
    return plan === 'walk'
      ? eb.exists(tokens.select(sql`1`.as('hit')).whereRef('lead_search.leadId', '=', 'leads.id'))
      : eb('leads.id', 'in', tokens.select('lead_search.leadId'));
  });
  // A search of only punctuation matches nothing rather than everything.
  return conditions.length > 0 ? eb.and(conditions) : sql<SqlBool>`1 = 0`;
}

/**
 * The number of leads a one-word search matches when nothing else filters them: counted in
 * the index alone, without touching the leads. Null when the search is not that simple.
 */
export async function countSingleWordMatches(db: Executor, q: string): Promise<number | null> {
  const words = queryWords(q);
  const [word] = words;
  if (words.length !== 1 || word === undefined) return null;
  // A short word's rows are one per lead already; a range may hold several words of a lead.
  const row = await db
    .selectFrom('lead_search')
    .where((eb) => matchesWord(eb, word))
    .select((eb) =>
      word.length <= SHORT_PREFIX_MAX
        ? eb.fn.countAll<number>().as('count')
        : eb.fn.count<number>('lead_search.leadId').distinct().as('count'),
    )
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The one word of a search that nothing else filters, or null. */
export function soleWord(q: string | undefined): string | null {
  if (!q) return null;
  const words = queryWords(q);
  return words.length === 1 ? (words[0] ?? null) : null;
}

/**
 * A page of a one-word search in updatedAt order, read from the search index alone (its
 * `(token, updatedAt, leadId)` index): a short word's rows come out already in order, a longer
 * word's few hundred or thousand rows are sorted as narrow tuples. Returns the lead ids.
 */
export async function recentMatches(
  db: Executor,
  word: string,
  direction: SortDirection,
  limit: number,
  cursor: [string | number, string] | null,
): Promise<string[]> {
  let query = db
    .selectFrom('lead_search')
    .select(['lead_search.leadId', 'lead_search.updatedAt'])
    .where((eb) => matchesWord(eb, word));
  // A lead has one row per short prefix, but may have several words in a longer word's range.
  if (word.length > SHORT_PREFIX_MAX) query = query.distinct();
  if (cursor) {
    query = query.where((eb) =>
      afterCursor(eb.ref('lead_search.updatedAt'), eb.ref('lead_search.leadId'), direction, cursor),
    );
  }
  const rows = await query
    .orderBy('lead_search.updatedAt', direction)
    .orderBy('lead_search.leadId', direction)
    .limit(limit)
    .execute();
  return rows.map((row) => row.leadId);
}
