import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { LeadSource, LeadStatus } from '../../contracts/leads.ts';

/**
 * Timestamps are `timestamptz` on PostgreSQL (read back as Date) and ISO-8601 text on SQLite
 * (read back as string). Code writes ISO strings; presenters normalise with `toIso`.
 */
export type Timestamp = ColumnType<Date | string, string | Date, string | Date>;
/** Booleans are `boolean` on PostgreSQL and 0/1 on SQLite; write with `dbBool`, read with `Boolean`. */
export type DbBoolean = ColumnType<boolean | number, boolean | number, boolean | number>;

export type Role = 'admin' | 'manager' | 'sales' | 'viewer';

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  emailVerified: DbBoolean;
  image: string | null;
  role: Role;
  active: DbBoolean;
  title: string | null;
  phone: string | null;
  lastLoginAt: Timestamp | null;
  /** Changes with the picture (null: none, the generated default is served); part of its URL. */
  avatarVersion: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SessionsTable {
  id: string;
  userId: string;
  token: string;
  expiresAt: Timestamp;
  ipAddress: string | null;
  userAgent: string | null;
  /** When the session was last used; written at most every few minutes. */
  lastSeenAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AccountsTable {
  id: string;
  userId: string;
  accountId: string;
  providerId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: Timestamp | null;
  refreshTokenExpiresAt: Timestamp | null;
  scope: string | null;
  password: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface VerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: Timestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RateLimitsTable {
  id: string;
  key: string;
  count: number;
  lastRequest: ColumnType<number | string | bigint, number, number>;
}

export interface SettingsTable {
  id: number;
  allowSignup: DbBoolean;
  currency: string;
  updatedAt: Timestamp;
}

export interface CustomersTable {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
  address: string;
  city: string;
  state: string;
  zipcode: string;
  country: string;
  ownerId: string | null;
  leadId: string | null;
  createdById: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface LeadsTable {
  id: string;
  firstName: string;
  lastName: string;
  email: Generated<string>;
  phone: Generated<string>;
  company: Generated<string>;
  jobTitle: Generated<string>;
  source: Generated<LeadSource>;
  status: Generated<LeadStatus>;
  ownerId: string | null;
  /** Minor units (cents). */
  value: ColumnType<number, number | undefined, number>;
  notes: Generated<string>;
  lostReason: string | null;
  customerId: string | null;
  convertedAt: Timestamp | null;
  statusChangedAt: Timestamp;
  createdById: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/**
 * Count and summed value (cents) of the leads of one owner ('' for none), source and status,
 * kept by triggers on leads; `writes` only grows. See migration 0005.
 */
export interface LeadTotalsTable {
  ownerKey: string;
  source: LeadSource;
  status: LeadStatus;
  count: ColumnType<number, number, number>;
  value: ColumnType<number, number, number>;
  writes: ColumnType<number, number, number>;
}

/**
 * The value (cents) of every lead together, in its one row (id 1), kept by triggers on leads,
 * which refuse a write taking it past its limit. See migration 0008.
 */
export interface LeadValueTotalTable {
  id: number;
  value: ColumnType<number, number, number>;
}

/** One word of a lead's searchable fields (see modules/leads/search.ts). */
export interface LeadSearchTable {
  token: string;
  leadId: string;
  /** The lead's updatedAt, kept in step by a trigger on leads. */
  updatedAt: Timestamp;
}

export type ActivityKind = 'note' | 'call' | 'email' | 'meeting' | 'task';

export interface ActivitiesTable {
  id: string;
  subjectType: 'lead' | 'customer';
  subjectId: string;
  kind: ActivityKind;
  body: string;
  dueAt: Timestamp | null;
  doneAt: Timestamp | null;
  authorId: string | null;
  createdAt: Timestamp;
}

/** `email`: a sign-in attempt for an address that is no user's (the id is the address). */
export type AuditEntityType = 'customer' | 'lead' | 'user' | 'settings' | 'email';

export interface AuditEventsTable {
  id: string;
  actorId: string | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  /** JSON: { field: [before, after] } */
  changes: string | null;
  /** JSON: facts that are not a change, such as the email a failed sign-in tried. */
  details: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Timestamp;
}

/** A user's picture, re-encoded to WebP. */
export interface AvatarsTable {
  userId: string;
  /** 256 × 256 WebP. */
  large: Buffer;
  /** 64 × 64 WebP. */
  small: Buffer;
  createdAt: Timestamp;
}

/** Sign-in attempts against one account (`account:<email>`) in the current window. */
export interface SignInAttemptsTable {
  key: string;
  attempts: number;
  /** Epoch milliseconds (bigint on PostgreSQL, read back as a string). */
  windowStartedAt: ColumnType<number | string, number, number>;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  rate_limits: RateLimitsTable;
  settings: SettingsTable;
  customers: CustomersTable;
  leads: LeadsTable;
  lead_search: LeadSearchTable;
  lead_totals: LeadTotalsTable;
  lead_value_total: LeadValueTotalTable;
  activities: ActivitiesTable;
  audit_events: AuditEventsTable;
  avatars: AvatarsTable;
  sign_in_attempts: SignInAttemptsTable;
}

export type User = Selectable<UsersTable>;
export type NewCustomer = Insertable<CustomersTable>;
export type CustomerUpdate = Updateable<CustomersTable>;
