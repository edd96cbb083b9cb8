import { Badge } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { type LeadStatus, leadStatusLabels } from '../../../../contracts/leads.ts';
import { statusColors } from './lead-format.ts';

/** The status as a coloured badge; a converted lead carries a lock, for it can no longer change. */
export function LeadStatusBadge({
  status,
  size = 'sm',
}: {
  status: LeadStatus;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      size={size}
      leftSection={status === 'converted' ? <IconLock size={11} aria-hidden /> : null}
      // A status is a word or two: never let a narrow column cut it to "CONVER…".
      styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}
    >
      {leadStatusLabels[status]}
    </Badge>
  );
}
