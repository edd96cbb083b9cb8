import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../contracts/audit.ts';
import { describeDevice, sentenceText, targetHref } from './audit-format.ts';

const event = (overrides: Partial<AuditEvent>): AuditEvent => ({
  id: '0190abcd-0000-7000-8000-000000000000',
  action: 'auth.signed_in',
  createdAt: '2026-11-22T10:00:00.000Z',
  actor: { id: 'u1', name: 'Ada Lovelace', avatarUrl: null },
  entity: { type: 'user', id: 'u1', label: 'Ada Lovelace' },
  changes: null,
  details: null,
  ipAddress: '203.0.113.7',
  userAgent: null,
  ...overrides,
});

describe('#sentenceText', () => {
  it('reads sign-ins, failures, role changes and password changes as sentences', () => {
    expect(sentenceText(event({}))).toBe('Ada Lovelace signed in');
    expect(
      sentenceText(
        event({
          action: 'auth.sign_in_failed',
          actor: null,
          entity: { type: 'email', id: 'bob@x.com', label: null },
          details: { email: 'bob@x.com', reason: 'invalid_credentials' },
        }),
      ),
    ).toBe('Failed sign-in for bob@x.com — wrong email or password');
    expect(
      sentenceText(
        event({
          action: 'user.role_changed',
          entity: { type: 'user', id: 'u2', label: 'Sam' },
          changes: { role: ['sales', 'manager'] },
        }),
      ),
    ).toBe('Ada Lovelace changed Sam’s role from Sales to Manager');
    expect(
      sentenceText(event({ action: 'account.password_changed', details: { endedSessions: 2 } })),
    ).toBe('Ada Lovelace changed their password and ended 2 other sessions');
    expect(
      sentenceText(event({ action: 'account.password_changed', details: { endedSessions: 0 } })),
    ).toBe('Ada Lovelace changed their password');
  });

  it('reads an account created by setup or the command line as joining', () => {
    const created: Partial<AuditEvent> = {
      action: 'user.created',
      changes: { role: [null, 'viewer'] },
    };
    expect(sentenceText(event(created))).toBe(
      'Ada Lovelace joined as Viewer (setup or command line)',
    );
    expect(
      sentenceText(event({ ...created, entity: { type: 'user', id: 'u2', label: 'Olga' } })),
    ).toBe('Ada Lovelace added Olga as Viewer');
  });

  it('names a deleted record by the name its deletion recorded', () => {
    const deleted = event({
      action: 'lead.deleted',
      entity: { type: 'lead', id: 'l1', label: null },
      changes: { name: ['Lena Lead', null], status: ['new', null] },
    });
    expect(sentenceText(deleted)).toBe('Ada Lovelace deleted the lead Lena Lead');
    expect(targetHref(deleted)).toBeNull();
  });

  it('lists the fields of an edit after its target, and links to it', () => {
    const edited = event({
      action: 'lead.updated',
      entity: { type: 'lead', id: 'l1', label: 'Lena Lead' },
      changes: { email: ['a@x', 'b@x'], phone: ['1', '2'] },
    });
    expect(sentenceText(edited)).toBe('Ada Lovelace edited the lead Lena Lead (email and phone)');
    expect(targetHref(edited)).toBe('/leads/l1');
  });
});

describe('#describeDevice', () => {
  it.each([
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      'Chrome on macOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
      'Firefox on Windows',
    ],
    ['curl/8.5.0', 'curl'],
    [null, null],
  ])('%s → %s', (agent, expected) => {
    expect(describeDevice(agent)).toBe(expected);
  });
});
