import { Group, SegmentedControl, Select, TextInput, useMatches } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import {
  type DashboardRangeParams,
  isDay,
  type RangeChoice,
  type ResolvedRange,
  rangeLabels,
  rangePresets,
  toDay,
} from './date-range.ts';

const choices: RangeChoice[] = [...rangePresets, 'custom'];
const options = choices.map((choice) => ({ value: choice, label: rangeLabels[choice] }));

/**
 * The presets as one row of buttons on wide screens and a select on phones; "Custom" adds two
 * day fields. Every choice goes to the URL: presets as their name (so "Last 30 days" moves
 * with the calendar), a custom range as its days.
 */
export function RangePicker({
  resolved,
  onChange,
}: {
  resolved: ResolvedRange;
  onChange: (params: DashboardRangeParams) => void;
}) {
  const wide = useMatches({ base: false, md: true }, { getInitialValueInEffect: false });
  const choose = (value: string | null) => {
    const choice = choices.find((item) => item === value);
    if (!choice) return;
    if (choice === 'custom') {
      // Start from the days shown now, so the fields are never blank.
      const to = resolved.to ?? toDay(new Date());
      onChange({ range: 'custom', from: resolved.from ?? to, to });
    } else {
      onChange({ range: choice, from: undefined, to: undefined });
    }
  };
  const setDay = (end: 'from' | 'to', value: string) => {
    if (!isDay(value)) return;
    const next = { range: 'custom' as const, from: resolved.from, to: resolved.to, [end]: value };
    // Never a reversed range: moving one end past the other brings the other along.
    if (next.from && next.to && next.from > next.to) {
      if (end === 'from') next.to = value;
      else next.from = value;
    }
    onChange(next);
  };
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" w={{ base: '100%', xs: 'auto' }}>
      {wide ? (
        <SegmentedControl
          aria-label="Date range"
          data={options}
          value={resolved.choice}
          onChange={choose}
        />
      ) : (
        <Select
          aria-label="Date range"
          leftSection={<IconCalendar size={16} />}
          leftSectionPointerEvents="none"
          data={options}
          value={resolved.choice}
          onChange={choose}
          allowDeselect={false}
          w={{ base: '100%', xs: 200 }}
        />
      )}
      {resolved.choice === 'custom' ? (
        <Group gap="xs" wrap="nowrap" w={{ base: '100%', xs: 'auto' }}>
          <TextInput
            type="date"
            label="From"
            size="sm"
            value={resolved.from ?? ''}
            max={resolved.to}
            onChange={(event) => setDay('from', event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <TextInput
            type="date"
            label="To"
            size="sm"
            value={resolved.to ?? ''}
            min={resolved.from}
            onChange={(event) => setDay('to', event.currentTarget.value)}
            style={{ flex: 1 }}
          />
        </Group>
      ) : null}
    </Group>
  );
}
