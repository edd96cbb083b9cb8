import type { RouteOptions } from 'fastify';
import { z } from 'zod';

/** A JSON literal sent verbatim (1e309, deep nesting): JSON.stringify cannot produce them. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Hostile = readonly [label: string, value: unknown];

export const NONEXISTENT_UUID = '019a0000-0000-7000-8000-000000000000';
const HUNDRED_KB = 'A'.repeat(100 * 1024);

/** Strings an attacker types into any text field. Some are fine data (emoji, HTML as text). */
export const hostileStrings: Hostile[] = [
  ['empty string', ''],
  ['100 KB string', HUNDRED_KB],
  ['NUL', 'a\u0000b'],
  ['BEL', 'ring\u0007'],
  ['ESC sequence', '\u001b[31mred\u001b[0m'],
  ['line breaks', 'two\r\nlines'],
  ['bidi override RLO', 'invoice\u202Efdp.exe'],
  ['bidi isolate LRI', '\u2066isolated\u2069'],
  ['emoji and astral', '🦄 Zoë 𝔘𝔫𝔦 👩‍👩‍👧'],
  ['lone high surrogate', 'a\uD800b'],
  ['lone low surrogate', '\uDC00'],
  ['SQL drop', "'; drop table leads; --"],
  ['SQL tautology', "' OR 1=1 --"],
  ['HTML img onerror', '<img src=x onerror=alert(1)>'],
  ['HTML script', '<script>alert(1)</script>'],
  ['javascript URL', 'javascript:alert(1)'],
  ['path traversal', '../../etc/passwd'],
  ['prototype word', '__proto__'],
  ['constructor word', 'constructor'],
  ['NaN string', 'NaN'],
  ['exponent string', '1e5'],
  ['Infinity string', 'Infinity'],
  ['negative string', '-1'],
  ['huge integer string', '9007199254740993'],
  ['impossible date', '2026-02-30'],
  ['year zero', '0000-01-01'],
  ['year 9999', '9999-12-31'],
  ['yesterday', 'yesterday'],
  ['nonexistent UUIDv7', NONEXISTENT_UUID],
];

/** Values of the wrong JSON type, out of range, or shaped to poison prototypes. */
export const hostileJson: Hostile[] = [
  ['number', 12345],
  ['negative number', -1],
  ['three decimals', 0.001],
  ['2**53+1', 2 ** 53 + 1],
  ['1e308', 1e308],
  ['1e309 literal', new RawJson('1e309')],
  ['-1e309 literal', new RawJson('-1e309')],
  ['boolean', true],
  ['object', { a: 1 }],
  ['array of strings', ['a', 'b']],
  ['empty array', []],
  ['null', null],
  ['nested __proto__', new RawJson('{"__proto__":{"role":"admin"}}')],
  ['nested constructor.prototype', new RawJson('{"constructor":{"prototype":{"role":"admin"}}}')],
  ['huge array', Array.from({ length: 20_000 }, () => 'x')],
  ['deep nesting', new RawJson(`${'['.repeat(5_000)}${']'.repeat(5_000)}`)],
];

export const hostileBodyValues: Hostile[] = [...hostileStrings, ...hostileJson];

/** Query values: strings only (a query has no types), plus repeated keys and bad escapes. */
export const hostileQueryValues: Hostile[] = [
  ...hostileStrings.filter(([label]) => !label.includes('surrogate')),
  ['0', '0'],
  ['201', '201'],
  ['1.5', '1.5'],
  ['1e309', '1e309'],
  ['true', 'true'],
  ['repeated key', ['new', 'lost']],
];

/** Appended to the query verbatim: malformed escapes the client library would never send. */
export const rawQueryTails: Hostile[] = [
  ['bad percent escape', '%'],
  ['encoded lone surrogate', '%ED%A0%80'],
  ['encoded NUL', '%00'],
];

/** Path ids; `raw` ones go into the URL as they are, the others percent-encoded. */
export const hostileIds: { label: string; id: string; raw?: boolean }[] = [
  { label: 'traversal', id: '../../etc/passwd', raw: true },
  { label: 'encoded traversal', id: '%2e%2e%2f%2e%2e%2fetc%2fpasswd', raw: true },
  { label: 'encoded slashes', id: '..%2f..%2fpackage.json', raw: true },
  { label: 'broken %-escape', id: '%E0%A4%A', raw: true },
  { label: 'lone %', id: 'a%', raw: true },
  { label: 'SQL', id: "' OR 1=1 --" },
  { label: '10 KB id', id: 'a'.repeat(10 * 1024) },
  { label: '65-char id', id: 'a'.repeat(65) },
  { label: 'NUL', id: '\u0000' },
  { label: 'emoji', id: '🦄' },
  { label: '__proto__', id: '__proto__' },
  { label: 'constructor', id: 'constructor' },
  { label: 'HTML', id: '<img src=x onerror=alert(1)>' },
  { label: 'nonexistent UUIDv7', id: NONEXISTENT_UUID },
];

/** Tails for wildcard routes (the auth bridge, the API reference's static files). */
export const hostileTails = [
  '..%2f..%2fpackage.json',
  '%2e%2e/%2e%2e/package.json',
  '../../../etc/passwd',
  '..%5c..%5cpackage.json',
  'sign-in/email/..%2f..%2f..%2fv1%2fme',
  `${'x/'.repeat(500)}`,
];

/** Serialises a body, writing RawJson values out verbatim. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof RawJson) {
      raws.push(item.text);
      return `@@raw${raws.length - 1}@@`;
    }
    return item;
  });
  return text.replace(/"@@raw(\d+)@@"/g, (_match, index: string) => raws[Number(index)] ?? '');
}

/** Fastify refuses these keys before any route sees the body (onProtoPoisoning, onConstructorPoisoning). */
export function poisonsPrototype(jsonText: string): boolean {
  return /"__proto__"\s*:|"constructor"\s*:\s*\{\s*"prototype"/.test(jsonText);
}

/** The route as the sweep drives it: zod schemas straight from its registration. */
export interface SweptRoute {
  method: string;
  url: string;
  body?: z.ZodType;
  querystring?: z.ZodType;
  hidden: boolean;
}

const zodOrUndefined = (schema: unknown) => (schema instanceof z.ZodType ? schema : undefined);

/** Every method of every route as registered (HEAD is GET's, answered by the same handler). */
export function sweptRoutesOf(route: RouteOptions): SweptRoute[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  return methods
    .filter((method) => method !== 'HEAD')
    .map((method) => {
      const body = zodOrUndefined(schema.body);
      const querystring = zodOrUndefined(schema.querystring);
      return {
        method,
        url: route.url,
        ...(body ? { body } : {}),
        ...(querystring ? { querystring } : {}),
        hidden: schema.hide === true,
      };
    });
}

/** The top-level fields of an object schema, as the client sees them. */
export function fieldsOf(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(json.properties ?? {});
}

/** What zod makes of a request part: refused (with the paths of its issues) or its output. */
export function judge(
  schema: z.ZodType,
  value: unknown,
): { ok: true; output: unknown } | { ok: false; paths: string[] } {
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, output: result.data }
    : { ok: false, paths: result.error.issues.map((issue) => issue.path.join('.')) };
}

/** Signs of a leak in an error body: stack frames, source paths, SQL, driver messages. */
export const leakPatterns: RegExp[] = [
  /node_modules/i,
  /\bat\s+\S+\s+\(/,
  /\.(ts|js|mjs|cjs):\d+/,
  /\/work\/|\/home\/|\/usr\/|\/src\/server/,
  /"stack"\s*:/,
  /\bselect\b[^"]{0,200}\bfrom\b/i,
  /\binsert into\b|\bupdate\s+"?\w+"?\s+set\b/i,
  /SQLITE_|SqliteError|syntax error at or near|violates .* constraint|duplicate key value/i,
  /root:x:0:0/,
  /"devDependencies"|export function loadConfig/,
];
