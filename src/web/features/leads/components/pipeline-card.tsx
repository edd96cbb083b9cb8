import { useDraggable } from '@dnd-kit/core';
import { Anchor, Group, Text, Tooltip } from '@mantine/core';
import { IconClock, IconGripVertical, IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { type Lead, leadStatusLabels, openLeadStatuses } from '../../../../contracts/leads.ts';
import { UserAvatar } from '../../../components/user-avatar.tsx';
import { formatAmount } from '../../../lib/money.ts';
import { fullName } from './lead-format.ts';
import classes from './pipeline-board.module.css';

const DAY = 86_400_000;
/** An open lead untouched this long reads as going cold. */
const STALE_DAYS = 14;

/** "3 days in Contacted"; a closed lead says when it closed. */
export function timeInStatus(lead: Lead, now = Date.now()): { text: string; stale: boolean } {
  const days = Math.max(0, Math.floor((now - new Date(lead.statusChangedAt).getTime()) / DAY));
  const label = leadStatusLabels[lead.status];
  const open = (openLeadStatuses as readonly string[]).includes(lead.status);
  if (!open) {
    const when = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
    return { text: `${label} ${when}`, stale: false };
  }
  if (days === 0) return { text: `${label} since today`, stale: false };
  return { text: `${days} ${days === 1 ? 'day' : 'days'} in ${label}`, stale: days >= STALE_DAYS };
}

function OwnerAvatar({ owner }: { owner: Lead['owner'] }) {
  const label = owner ? `Owner: ${owner.name}` : 'Unassigned';
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <UserAvatar user={owner} size={24} label={label} />
    </Tooltip>
  );
}

/**
 * What a card shows: name (a link to the lead), company, value, owner and time in the column.
 * Shared by the card on the board and the one under the pointer while dragging.
 */
function CardBody({
  lead,
  overlay,
  handle,
}: {
  lead: Lead;
  overlay?: boolean;
  handle?: ReactNode;
}) {
  const time = timeInStatus(lead);
  const name = fullName(lead);
  const locked = lead.status === 'converted';
  return (
    <>
      <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
        {overlay ? (
          <Text className={classes.name} component="span">
            {name}
          </Text>
        ) : (
          <Anchor
            component={Link}
            to={`/leads/${lead.id}`}
            className={classes.name}
            c="var(--mantine-color-text)"
            id={`lead-card-${lead.id}`}
            draggable={false}
          >
            {name}
          </Anchor>
        )}
        {handle}
        {locked ? (
          <Tooltip label="Converted · locked" withArrow>
            <span
              className={classes.lock}
              role="img"
              aria-label="Converted, locked"
              data-testid="card-locked"
            >
              <IconLock size={16} aria-hidden />
            </span>
          </Tooltip>
        ) : null}
      </Group>
      {lead.company ? (
        <Text size="xs" c="dimmed" truncate mt={2} title={lead.company}>
          {lead.company}
        </Text>
      ) : null}
      {lead.value > 0 ? (
        <Text size="sm" fw={650} mt={6} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatAmount(lead.value)}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" mt={6}>
          No value yet
        </Text>
      )}
      <Group justify="space-between" wrap="nowrap" gap={6} mt={6}>
        <span className={classes.meta} data-stale={time.stale || undefined}>
          <IconClock size={13} aria-hidden style={{ flexShrink: 0 }} />
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{time.text}</span>
        </span>
        <OwnerAvatar owner={lead.owner} />
      </Group>
    </>
  );
}

/**
 * A lead on the board. Movable (`can.edit`) cards drag from anywhere with a mouse or a long
 * press, and from their grip with the keyboard; others — viewers', converted leads — have no
 * grip at all.
 */
export function PipelineCard({ lead, pending }: { lead: Lead; pending: boolean }) {
  const movable = lead.can.edit && !pending;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: lead.id,
    data: { lead },
    disabled: !movable,
  });
  const name = fullName(lead);
  return (
    <article
      ref={setNodeRef}
      className={classes.card}
      aria-labelledby={`lead-card-${lead.id}`}
      data-testid="pipeline-card"
      data-lead-id={lead.id}
      data-draggable={movable || undefined}
      data-placeholder={isDragging || undefined}
      data-pending={pending || undefined}
      aria-busy={pending || undefined}
      {...(movable ? listeners : {})}
    >
      <CardBody
        lead={lead}
        handle={
          lead.can.edit ? (
            <button
              type="button"
              ref={setActivatorNodeRef}
              className={classes.handle}
              {...attributes}
              aria-roledescription="draggable lead"
              aria-label={`Move ${name}`}
              aria-disabled={!movable}
              title="Drag to move, or press Space"
            >
              <IconGripVertical size={16} aria-hidden />
            </button>
          ) : null
        }
      />
    </article>
  );
}

/** The card under the pointer while dragging. */
export function PipelineCardOverlay({ lead }: { lead: Lead }) {
  return (
    <div className={classes.card} data-overlay>
      <CardBody lead={lead} overlay />
    </div>
  );
}
