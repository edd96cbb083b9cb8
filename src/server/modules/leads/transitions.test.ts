import { describe, expect, it } from 'vitest';
import { type LeadStatus, leadStatuses } from '../../../contracts/leads.ts';
import { roles } from '../../../contracts/users.ts';
import { checkTransition, reachableStatuses } from './transitions.ts';

type Outcome = 'ok' | 'same' | 'lead_locked' | 'invalid_transition' | 'forbidden' | 'needs_reason';

/** Every (from, to) by edit, for a role that may reopen (admin/manager) and one that may not. */
const byEdit: Record<LeadStatus, Record<LeadStatus, [reopener: Outcome, other: Outcome]>> = {
  new: {
    new: ['same', 'same'],
    contacted: ['ok', 'ok'],
    qualified: ['ok', 'ok'],
    converted: ['invalid_transition', 'invalid_transition'],
    lost: ['needs_reason', 'needs_reason'],
  },
  contacted: {
    new: ['ok', 'ok'],
    contacted: ['same', 'same'],
    qualified: ['ok', 'ok'],
    converted: ['invalid_transition', 'invalid_transition'],
    lost: ['needs_reason', 'needs_reason'],
  },
  qualified: {
    new: ['ok', 'ok'],
    contacted: ['ok', 'ok'],
    qualified: ['same', 'same'],
    converted: ['invalid_transition', 'invalid_transition'],
    lost: ['needs_reason', 'needs_reason'],
  },
  converted: {
    new: ['lead_locked', 'lead_locked'],
    contacted: ['lead_locked', 'lead_locked'],
    qualified: ['lead_locked', 'lead_locked'],
    converted: ['lead_locked', 'lead_locked'],
    lost: ['lead_locked', 'lead_locked'],
  },
  lost: {
    new: ['ok', 'forbidden'],
    contacted: ['ok', 'forbidden'],
    qualified: ['invalid_transition', 'invalid_transition'],
    converted: ['invalid_transition', 'invalid_transition'],
    lost: ['same', 'same'],
  },
};

function outcomeOf(
  from: LeadStatus,
  to: LeadStatus,
  role: (typeof roles)[number],
  reason?: string,
): Outcome {
  const result = checkTransition({ from, to, role, via: 'update', lostReason: reason });
  if (result.ok) return result.changed ? 'ok' : 'same';
  return result.code === 'validation_failed' ? 'needs_reason' : result.code;
}

describe('#checkTransition', () => {
  const cases = leadStatuses.flatMap((from) =>
    leadStatuses.flatMap((to) =>
      roles.map((role) => {
        const [reopener, other] = byEdit[from][to];
        return {
          from,
          to,
          role,
          expected: role === 'admin' || role === 'manager' ? reopener : other,
        };
      }),
    ),
  );

  it.each(cases)('$role editing $from → $to: $expected', ({ from, to, role, expected }) => {
    expect(outcomeOf(from, to, role)).toBe(expected);
  });

  it('covers every from × to × role', () => {
    expect(cases).toHaveLength(5 * 5 * 4);
  });

  it('accepts Lost from every open status once a reason is given, and refuses a blank one', () => {
    for (const from of ['new', 'contacted', 'qualified'] as const) {
      expect(outcomeOf(from, 'lost', 'sales', 'Went with a competitor')).toBe('ok');
      const blank = checkTransition({
        from,
        to: 'lost',
        role: 'sales',
        via: 'update',
        lostReason: '   ',
      });
      expect(blank).toMatchObject({ ok: false, code: 'validation_failed', field: 'lostReason' });
    }
  });

  it.each(leadStatuses)('converts only from qualified (from %s)', (from) => {
    const result = checkTransition({ from, to: 'converted', role: 'sales', via: 'convert' });
    if (from === 'qualified') expect(result).toEqual({ ok: true, changed: true });
    else if (from === 'converted') expect(result).toMatchObject({ ok: false, code: 'lead_locked' });
    else expect(result).toMatchObject({ ok: false, code: 'invalid_transition' });
  });
});

describe('#reachableStatuses', () => {
  it('offers open moves and Lost to everyone who edits, reopening only to admins/managers', () => {
    expect(reachableStatuses('new', 'sales')).toEqual(['contacted', 'qualified', 'lost']);
    expect(reachableStatuses('qualified', 'manager')).toEqual(['new', 'contacted', 'lost']);
    expect(reachableStatuses('lost', 'manager')).toEqual(['new', 'contacted']);
    expect(reachableStatuses('lost', 'sales')).toEqual([]);
    expect(reachableStatuses('converted', 'admin')).toEqual([]);
  });
});
