import { describe, expect, it } from 'vitest';
import { canReadTeamAnalytics } from './policy.ts';
import { buildSummary, weekStartOf, weeksBetween } from './summary.ts';

describe('weeks', () => {
  it('starts every week on its Monday, in UTC', () => {
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16'); // the Sunday before
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28'); // across a new year
    expect(weekStartOf('2024-03-01')).toBe('2024-02-26'); // across a leap day
  });

  it('lists every week a range touches, oldest first', () => {
    expect(weeksBetween('2026-12-30', '2027-01-12')).toEqual([
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
    ]);
    expect(weeksBetween('2026-11-23', '2026-11-23')).toEqual(['2026-11-23']);
  });
});

describe('buildSummary', () => {
  const empty = { createdByDay: [], convertedByDay: [], names: new Map<string, string>() };

  it('gives 0 for rates without a divisor, and no average without conversions', () => {
    const summary = buildSummary({
      ...empty,
      from: '2026-11-02',
      to: '2026-11-08',
      cells: [
        {
          ownerId: 'u1',
          source: 'event',
          status: 'new',
          count: 3,
          value: 1050,
          conversionDays: 0,
        },
      ],
    });
    expect(summary).toMatchObject({
      total: 3,
      conversionRate: 0,
      winRate: 0,
      pipelineValue: 10.5,
      averageDaysToConversion: null,
      byOwner: [{ ownerId: 'u1', name: null, total: 3, converted: 0, pipelineValue: 10.5 }],
    });
  });

  it('leaves conversions after the range out of its weeks', () => {
    const summary = buildSummary({
      ...empty,
      from: '2026-11-02',
      to: '2026-11-04',
      cells: [],
      createdByDay: [{ day: '2026-11-03', count: 2 }],
      convertedByDay: [
        { day: '2026-11-04', count: 1 },
        { day: '2026-11-05', count: 5 }, // same week, after `to`
      ],
    });
    expect(summary.trend).toEqual([{ weekStart: '2026-11-02', created: 2, converted: 1 }]);
  });

  it('ranks owners by conversions, then open value, then leads', () => {
    const cell = (
      ownerId: string | null,
      status: 'new' | 'converted',
      count: number,
      value = 0,
    ) => ({
      ownerId,
      source: 'other' as const,
      status,
      count,
      value,
      conversionDays: status === 'converted' ? count * 2 : 0,
    });
    const summary = buildSummary({
      ...empty,
      from: '2026-11-02',
      to: '2026-11-08',
      names: new Map([
        ['a', 'Ann'],
        ['b', 'Bob'],
        ['c', 'Cy'],
      ]),
      cells: [
        cell('a', 'new', 1, 100),
        cell('b', 'converted', 1),
        cell('c', 'new', 1, 500),
        cell(null, 'new', 4),
      ],
    });
    expect(summary.byOwner.map((owner) => owner.name)).toEqual(['Bob', 'Cy', 'Ann', null]);
    expect(summary.averageDaysToConversion).toBe(2);
  });
});

describe('analytics policy', () => {
  it('gives the team summary to admins and managers only', () => {
    expect(
      (['admin', 'manager', 'sales', 'viewer'] as const).map((role) =>
        canReadTeamAnalytics({ role }),
      ),
    ).toEqual([true, true, false, false]);
  });
});
