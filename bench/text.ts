import type { Random } from './random.ts';
import { EVENTS, JOB_TITLES, MONTHS, TOPICS } from './vocabulary.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

export const iso = (msecs: number): string => new Date(msecs).toISOString();

/** "José Müller" → "josemuller": what a name looks like in an email address or a domain. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Fills {event}, {n}, {topic}, {month} and {title} in a note or activity template. */
export function fillTemplate(random: Random, template: string): string {
  return template.replace(/\{(event|n|topic|month|title)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'event':
        return random.pick(EVENTS);
      case 'n':
        return String(random.pick([5, 10, 12, 20, 25, 40, 50, 80, 120, 250]));
      case 'topic':
        return random.pick(TOPICS);
      case 'month':
        return random.pick(MONTHS);
      default:
        return random.pick(JOB_TITLES) || 'CEO';
    }
  });
}
