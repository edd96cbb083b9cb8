import type { Executor } from '../../db/types.ts';
import { clearAttempts, pruneAttempts, type Reservation, reserveAttempt } from './attempts.ts';

/**
 * Sign-in attempts one account may take per window, whoever sends them and from wherever.
 * Better Auth's own limit (10 a minute per IP) stops one address from spraying many accounts;
 * this one stops many addresses from guessing one account's password.
 */
export const ACCOUNT_SIGN_IN_LIMIT = 5;
export const ACCOUNT_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** Every address is throttled the same way, a user's or not: the limit reveals no account. */
export const accountKey = (email: string): string => `account:${email.trim().toLowerCase()}`;

/** Counts one sign-in attempt against the account (see `reserveAttempt`). */
export function reserveSignInAttempt(
  db: Executor,
  email: string,
  now = Date.now(),
  limit = ACCOUNT_SIGN_IN_LIMIT,
  windowMs = ACCOUNT_SIGN_IN_WINDOW_MS,
): Promise<Reservation> {
  return reserveAttempt(db, accountKey(email), { limit, windowMs }, now);
}

/** A successful sign-in forgives the account's earlier failures. */
export function clearSignInAttempts(db: Executor, email: string): Promise<void> {
  return clearAttempts(db, accountKey(email));
}

/**
 * Drops the counts whose window has ended. Every guessed address leaves a row, so the bridge
 * calls this now and then (about one sign-in in PRUNE_EVERY) to keep the table small.
 */
export function pruneSignInAttempts(
  db: Executor,
  now = Date.now(),
  windowMs = ACCOUNT_SIGN_IN_WINDOW_MS,
): Promise<number> {
  return pruneAttempts(db, windowMs, now);
}

export const PRUNE_EVERY = 100;
