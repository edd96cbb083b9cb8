import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { AuditEvent } from '../../../../contracts/audit.ts';
import { UserAvatar } from '../../../components/user-avatar.tsx';
import { preciseTime, relativeTime } from '../../../lib/relative-time.ts';
import {
  describeDevice,
  describeEvent,
  isFailedSignIn,
  targetHref,
  targetLabel,
} from './audit-format.ts';

/** The event as a sentence after the actor, its target a link while the record exists. */
export function AuditSentence({ event }: { event: AuditEvent }) {
  const href = targetHref(event);
  return (
    <Text size="sm" component="span">
      {describeEvent(event).map((part) => {
        if (typeof part === 'string') return <span key={`text:${part}`}>{part}</span>;
        const label = targetLabel(event);
        return href ? (
          <Anchor key="target" component={Link} to={href} size="sm" fw={500}>
            {label}
          </Anchor>
        ) : (
          <Text key="target" span size="sm" fw={500}>
            {label}
          </Text>
        );
      })}
    </Text>
  );
}

/** Who did it: their picture (or default) and name, or a red mark for a failed sign-in. */
export function AuditActor({ event }: { event: AuditEvent }) {
  if (isFailedSignIn(event)) {
    return (
      <Badge color="red" variant="light" radius="sm">
        Failed sign-in
      </Badge>
    );
  }
  if (!event.actor) {
    return (
      <Text size="sm" c="dimmed">
        System
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <UserAvatar user={event.actor} size={26} />
      <Text size="sm" fw={500} truncate>
        {event.actor.name}
      </Text>
    </Group>
  );
}

export function AuditTime({ iso }: { iso: string }) {
  return (
    <Tooltip label={preciseTime(iso)} openDelay={300}>
      <Text size="sm" c="dimmed" component="time" dateTime={iso} title={preciseTime(iso)}>
        {relativeTime(iso)}
      </Text>
    </Tooltip>
  );
}

/** "203.0.113.7 · Chrome on macOS" */
export function AuditOrigin({ event }: { event: AuditEvent }) {
  const device = describeDevice(event.userAgent);
  if (!event.ipAddress && !device) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed" title={event.userAgent ?? undefined}>
      {[event.ipAddress, device].filter(Boolean).join(' · ')}
    </Text>
  );
}
