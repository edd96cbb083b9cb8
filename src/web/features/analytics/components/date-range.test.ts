import { describe, expect, it } from 'vitest';
import { describeRange, isDay, resolveRange } from './date-range.ts';

// 2026-05-14 23:30 UTC: late in the day, so a local-time slip would show.
const now = new Date('2026-05-14T23:30:00Z');

describe('resolveRange', () => {
  it('resolves every preset to UTC days ending today', () => {
    expect(resolveRange({ range: 'month' }, now)).toEqual({
      choice: 'month',
      from: '2026-05-01',
      to: '2026-05-14',
    });
    expect(resolveRange({ range: '30d' }, now)).toEqual({
      choice: '30d',
      from: '2026-04-15',
      to: '2026-05-14',
    });
    expect(resolveRange({ range: 'quarter' }, now)).toEqual({
      choice: 'quarter',
      from: '2026-04-01',
      to: '2026-05-14',
    });
    expect(resolveRange({ range: 'year' }, now)).toEqual({
      choice: 'year',
      from: '2026-01-01',
      to: '2026-05-14',
    });
    expect(resolveRange({ range: 'all' }, now)).toEqual({ choice: 'all' });
  });

  it('defaults to the last 30 days', () => {
    expect(resolveRange({}, now)).toEqual({ choice: '30d', from: '2026-04-15', to: '2026-05-14' });
  });

  it('finds the quarter of the first and last months', () => {
    expect(resolveRange({ range: 'quarter' }, new Date('2026-03-31T12:00:00Z')).from).toBe(
      '2026-01-01',
    );
    expect(resolveRange({ range: 'quarter' }, new Date('2026-12-01T00:00:00Z')).from).toBe(
      '2026-10-01',
    );
  });

  it('keeps a custom range, or its one real end', () => {
    expect(resolveRange({ range: 'custom', from: '2026-01-05', to: '2026-02-01' }, now)).toEqual({
      choice: 'custom',
      from: '2026-01-05',
      to: '2026-02-01',
    });
    expect(resolveRange({ range: 'custom', from: '2026-01-05', to: 'soon' }, now)).toEqual({
      choice: 'custom',
      from: '2026-01-05',
      to: undefined,
    });
  });

  it('falls back to the default for a custom range with no real end or reversed ends', () => {
    expect(resolveRange({ range: 'custom' }, now).choice).toBe('30d');
    expect(resolveRange({ range: 'custom', from: '2026-02-30' }, now).choice).toBe('30d');
    expect(
      resolveRange({ range: 'custom', from: '2026-03-01', to: '2026-02-01' }, now).choice,
    ).toBe('30d');
  });
});

describe('isDay and describeRange', () => {
  it('accepts real calendar days only', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
    expect(isDay(undefined)).toBe(false);
    // The days the API takes: a URL asking for more falls back instead of showing an error.
    expect(isDay('1970-01-01')).toBe(true);
    expect(isDay('1969-12-31')).toBe(false);
    expect(isDay('9999-12-31')).toBe(false);
  });

  it('describes open and closed ranges', () => {
    expect(describeRange(undefined, undefined)).toBe('All time');
    expect(describeRange('2026-01-05', undefined)).toMatch(/^Since /);
    expect(describeRange('2026-01-05', '2026-02-01')).toContain('2026');
  });
});
