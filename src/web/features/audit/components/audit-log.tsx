import {
  ActionIcon,
  Button,
  Card,
  Center,
  Code,
  Collapse,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconChevronDown,
  IconChevronRight,
  IconFilterOff,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEvent } from '../../../../contracts/audit.ts';
import { LoadMore } from '../../../components/load-more.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { type AuditLogParams, auditEventsQueryOptions } from '../api/list-audit-events.ts';
import { AuditFilters, hasAuditFilters } from './audit-filters.tsx';
import { isFailedSignIn } from './audit-format.ts';
import { AuditActor, AuditOrigin, AuditSentence, AuditTime } from './audit-sentence.tsx';

const hasRaw = (event: AuditEvent) => Boolean(event.changes || event.details || event.userAgent);

/** The raw record behind a sentence: changes, details and the full user agent. */
function AuditRaw({ event }: { event: AuditEvent }) {
  const raw = {
    action: event.action,
    ...(event.changes ? { changes: event.changes } : {}),
    ...(event.details ? { details: event.details } : {}),
    ...(event.userAgent ? { userAgent: event.userAgent } : {}),
  };
  return (
    <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {JSON.stringify(raw, null, 2)}
    </Code>
  );
}

function RawToggle({
  event,
  open,
  onToggle,
}: {
  event: AuditEvent;
  open: boolean;
  onToggle: () => void;
}) {
  if (!hasRaw(event)) return null;
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      onClick={onToggle}
      aria-expanded={open}
      aria-label={open ? 'Hide details' : 'Show details'}
    >
      {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
    </ActionIcon>
  );
}

/** The events, which of them show their details, and how to open or close them. */
interface EventListProps {
  events: AuditEvent[];
  open: Set<string>;
  onToggle: (id: string) => void;
}

function AuditTable({ events, open, onToggle }: EventListProps) {
  return (
    <Card withBorder radius="md" p={0} visibleFrom="sm">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36} />
              <Table.Th w={130}>When</Table.Th>
              <Table.Th w={190}>Who</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th w={220}>From</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.flatMap((event) => {
              const expanded = open.has(event.id);
              const rows = [
                <Table.Tr
                  key={event.id}
                  data-testid="audit-row"
                  data-action={event.action}
                  bg={isFailedSignIn(event) ? 'var(--mantine-color-red-light)' : undefined}
                >
                  <Table.Td>
                    <RawToggle event={event} open={expanded} onToggle={() => onToggle(event.id)} />
                  </Table.Td>
                  <Table.Td>
                    <AuditTime iso={event.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <AuditActor event={event} />
                  </Table.Td>
                  <Table.Td>
                    <AuditSentence event={event} />
                  </Table.Td>
                  <Table.Td>
                    <AuditOrigin event={event} />
                  </Table.Td>
                </Table.Tr>,
              ];
              if (expanded) {
                rows.push(
                  <Table.Tr key={`${event.id}:raw`}>
                    <Table.Td />
                    <Table.Td colSpan={4}>
                      <AuditRaw event={event} />
                    </Table.Td>
                  </Table.Tr>,
                );
              }
              return rows;
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function AuditCards({ events, open, onToggle }: EventListProps) {
  return (
    <Stack gap="xs" hiddenFrom="sm">
      {events.map((event) => (
        <Card
          key={event.id}
          withBorder
          radius="md"
          padding="sm"
          data-testid="audit-card"
          data-action={event.action}
          style={
            isFailedSignIn(event)
              ? { borderColor: 'var(--mantine-color-red-light-color)' }
              : undefined
          }
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <AuditActor event={event} />
            <Group gap={4} wrap="nowrap">
              <AuditTime iso={event.createdAt} />
              <RawToggle
                event={event}
                open={open.has(event.id)}
                onToggle={() => onToggle(event.id)}
              />
            </Group>
          </Group>
          <Text size="sm" mt={6}>
            <AuditSentence event={event} />
          </Text>
          <Stack gap={0} mt={4}>
            <AuditOrigin event={event} />
          </Stack>
          <Collapse in={open.has(event.id)}>
            <Stack mt="xs">
              <AuditRaw event={event} />
            </Stack>
          </Collapse>
        </Card>
      ))}
    </Stack>
  );
}

function EmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <Card withBorder radius="md" py={48}>
      <Stack align="center" gap="sm">
        <ThemeIcon size={56} radius="xl" variant="light">
          {filtered ? <IconFilterOff size={28} /> : <IconShieldCheck size={28} />}
        </ThemeIcon>
        <Title order={2} fz="h4">
          {filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'}
        </Title>
        <Text c="dimmed" size="sm" ta="center" maw={380}>
          {filtered
            ? 'Try another kind, another user or a wider range of days.'
            : 'Sign-ins, account and team changes and every change to leads and customers appear here.'}
        </Text>
        {filtered ? (
          <Button variant="light" onClick={onClear}>
            Clear filters
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The audit log: filters in the URL, a table on wide screens, cards on phones, "Load more". */
export function AuditLog({
  params,
  onParamsChange,
}: {
  params: AuditLogParams;
  onParamsChange: (params: AuditLogParams) => void;
}) {
  const query = useInfiniteQuery(auditEventsQueryOptions(params));
  const events = query.data?.pages.flatMap((page) => page.data) ?? [];
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Stack gap="md">
      <AuditFilters params={params} onParamsChange={onParamsChange} />
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading the audit log" />
        </Center>
      ) : query.isError ? (
        <Text c="red" role="alert">
          {errorMessage(query.error)}
        </Text>
      ) : events.length === 0 ? (
        <EmptyState filtered={hasAuditFilters(params)} onClear={() => onParamsChange({})} />
      ) : (
        <>
          <AuditTable events={events} open={open} onToggle={toggle} />
          <AuditCards events={events} open={open} onToggle={toggle} />
          <LoadMore query={query} />
        </>
      )}
    </Stack>
  );
}
