import { Anchor, Paper, Text } from '@mantine/core';
import {
  IconArrowsExchange,
  IconCalendarEvent,
  IconCircleCheck,
  IconLink,
  IconMail,
  IconNote,
  IconPencil,
  IconPhone,
  IconPlus,
  IconUserShare,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ComponentType, ReactNode } from 'react';
import {
  type Activity,
  type ActivityKind,
  activityKindLabels,
  type TimelineEvent,
  type TimelineItem,
} from '../../../../contracts/activities.ts';
import { absoluteTime, relativeTime } from '../../../lib/relative-time.ts';
import { fieldLabel, formatChangeValue, unquotedFields } from './timeline-format.ts';

type Icon = ComponentType<{ size?: number; stroke?: number }>;

export const activityIcons: Record<ActivityKind, Icon> = {
  note: IconNote,
  call: IconPhone,
  email: IconMail,
  meeting: IconCalendarEvent,
};

const activityVerbs: Record<ActivityKind, string> = {
  note: 'added a note',
  call: 'logged a call',
  email: 'logged an email',
  meeting: 'logged a meeting',
};

export function entryIcon(item: TimelineItem): Icon {
  if (item.type === 'activity') return activityIcons[item.kind];
  if (item.action.endsWith('.created')) return IconPlus;
  if (item.action === 'lead.status_changed') return IconArrowsExchange;
  if (item.action === 'lead.assigned') return IconUserShare;
  if (item.action === 'lead.converted') return IconCircleCheck;
  if (item.action === 'lead.linked') return IconLink;
  return IconPencil;
}

function Value({ children }: { children: string | null }) {
  return children === null ? (
    <Text span c="dimmed" fs="italic" inherit>
      empty
    </Text>
  ) : (
    <Text span fw={500} inherit>
      {children}
    </Text>
  );
}

/** "Value from 1,000.00 to 2,000.00", "Company to Acme", "cleared Phone", "Notes". */
function describeChange(field: string, [before, after]: [unknown, unknown]): ReactNode {
  const label = fieldLabel(field);
  if (unquotedFields.has(field)) return label;
  const from = formatChangeValue(field, before);
  const to = formatChangeValue(field, after);
  if (from === null) {
    return (
      <>
        {label} to <Value>{to}</Value>
      </>
    );
  }
  return (
    <>
      {label} from <Value>{from}</Value> to <Value>{to}</Value>
    </>
  );
}

function joinParts(parts: ReactNode[]): ReactNode {
  return parts.map((part, index) => (
    // The parts are a fixed list for this render; their order is their identity.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above
    <span key={index}>
      {index > 0 ? ', ' : null}
      {part}
    </span>
  ));
}

/** The record a conversion event names (`customerId` on a lead, `leadId` on a customer). */
function RecordLink({ id, to, label }: { id: unknown; to: 'customers' | 'leads'; label: string }) {
  if (typeof id !== 'string') return null;
  return (
    <>
      {' · '}
      <Anchor component={Link} to={`/${to}/${id}`} inherit>
        {label}
      </Anchor>
    </>
  );
}

function eventSentence(item: TimelineEvent): ReactNode {
  const changes = item.changes ?? {};
  const customerLink = (
    <RecordLink id={changes.customerId?.[1]} to="customers" label="Open the customer" />
  );
  switch (item.action) {
    case 'lead.created':
      return 'created the lead';
    case 'customer.created':
      return changes.leadId?.[1] ? (
        <>
          created the customer from a lead
          <RecordLink id={changes.leadId[1]} to="leads" label="View the lead" />
        </>
      ) : (
        'created the customer'
      );
    case 'lead.status_changed': {
      const [from, to] = changes.status ?? [null, null];
      return (
        <>
          changed status: <Value>{formatChangeValue('status', from)}</Value> →{' '}
          <Value>{formatChangeValue('status', to)}</Value>
        </>
      );
    }
    case 'lead.assigned': {
      const [before, after] = changes.owner ?? [null, null];
      const to = formatChangeValue('owner', after);
      const from = formatChangeValue('owner', before);
      if (to === null) {
        return from === null ? (
          'unassigned the lead'
        ) : (
          <>
            unassigned the lead from <Value>{from}</Value>
          </>
        );
      }
      return (
        <>
          assigned the lead to <Value>{to}</Value>
        </>
      );
    }
    case 'lead.converted':
      return <>converted the lead into a customer{customerLink}</>;
    case 'lead.linked':
      return <>linked the lead to an existing customer{customerLink}</>;
    case 'lead.updated':
    case 'customer.updated': {
      const parts = Object.entries(changes).map(([field, change]) => describeChange(field, change));
      if (parts.length === 0) return `updated the ${item.action.split('.')[0]}`;
      return <>changed {joinParts(parts)}</>;
    }
    default:
      return `recorded ${item.action}`;
  }
}

/** A status change to Lost carries its reason; it reads better on a line of its own. */
function lostReason(item: TimelineEvent): string | null {
  const after = item.changes?.lostReason?.[1];
  return item.action === 'lead.status_changed' && typeof after === 'string' && after ? after : null;
}

export function EntryTime({ iso }: { iso: string }) {
  const exact = absoluteTime(iso);
  return (
    <Text size="xs" c="dimmed">
      <time dateTime={iso} title={exact}>
        {relativeTime(iso)}
      </time>{' '}
      · {exact}
    </Text>
  );
}

function Actor({ name }: { name: string | undefined }) {
  return (
    <Text span fw={600} inherit>
      {name ?? 'Someone'}
    </Text>
  );
}

export function EventEntry({ item }: { item: TimelineEvent }) {
  const reason = lostReason(item);
  return (
    <>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Actor name={item.actor?.name} /> {eventSentence(item)}
      </Text>
      {reason ? (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          Reason: <bdi>{reason}</bdi>
        </Text>
      ) : null}
      <EntryTime iso={item.createdAt} />
    </>
  );
}

export function ActivityEntry({ item }: { item: Activity }) {
  return (
    <>
      <Text size="sm">
        <Actor name={item.author?.name} /> {activityVerbs[item.kind]}
      </Text>
      <EntryTime iso={item.createdAt} />
      <Paper
        withBorder
        radius="md"
        p="sm"
        mt={6}
        bg="var(--mantine-color-default-hover)"
        aria-label={`${activityKindLabels[item.kind]} by ${item.author?.name ?? 'someone'}`}
      >
        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.body}
        </Text>
      </Paper>
    </>
  );
}
