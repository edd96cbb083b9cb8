import { Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { type DashboardRangeParams, describeRange, type ResolvedRange } from './date-range.ts';
import { RangePicker } from './range-picker.tsx';

/** The range picker, any other filters, and the days the figures cover in words. */
export function DashboardToolbar({
  resolved,
  coveredFrom,
  fetching,
  onRangeChange,
  children,
}: {
  resolved: ResolvedRange;
  /** The summary's own `from` for "all time" (the first lead's day), once known. */
  coveredFrom?: string | null | undefined;
  fetching: boolean;
  onRangeChange: (params: DashboardRangeParams) => void;
  children?: ReactNode;
}) {
  const covered =
    resolved.choice === 'all'
      ? coveredFrom
        ? `All time · since ${describeRange(coveredFrom, undefined).replace(/^Since /, '')}`
        : 'All time'
      : describeRange(resolved.from, resolved.to);
  return (
    <Group justify="space-between" align="flex-end" gap="sm" mb="md" wrap="wrap">
      <Group gap="sm" align="flex-end" wrap="wrap" style={{ flexGrow: 1 }}>
        <RangePicker resolved={resolved} onChange={onRangeChange} />
        {children}
      </Group>
      <Group gap={6} wrap="nowrap">
        {fetching ? <Loader size={14} aria-label="Updating" /> : null}
        <Text size="sm" c="dimmed" data-testid="dashboard-range" aria-live="polite">
          {covered}{' '}
          <Text span size="xs" c="dimmed">
            (UTC)
          </Text>
        </Text>
      </Group>
    </Group>
  );
}
