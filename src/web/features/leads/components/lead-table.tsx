import { Anchor, Card, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { Lead, LeadSort, LeadSortField } from '../../../../contracts/leads.ts';
import { formatMoney } from '../../../lib/money.ts';
import { formatDate, fullName } from './lead-format.ts';
import { LeadOwner } from './lead-owner.tsx';
import { LeadRowMenu } from './lead-row-menu.tsx';
import { LeadStatusBadge } from './lead-status-badge.tsx';

function SortHeader({
  field,
  label,
  sort,
  onSort,
  align = 'left',
  firstDirection = 'ascending',
}: {
  field: LeadSortField;
  label: string;
  sort: LeadSort;
  onSort: (sort: LeadSort) => void;
  align?: 'left' | 'right';
  /** Value and dates read best largest or newest first. */
  firstDirection?: 'ascending' | 'descending';
}) {
  const active = sort.replace(/^-/, '') === field;
  const descending = sort.startsWith('-');
  const Icon = !active ? IconSelector : descending ? IconChevronDown : IconChevronUp;
  const next: LeadSort = active
    ? descending
      ? field
      : `-${field}`
    : firstDirection === 'descending'
      ? `-${field}`
      : field;
  return (
    <Table.Th
      aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
      style={{ textAlign: align }}
    >
      <UnstyledButton onClick={() => onSort(next)} aria-label={`Sort by ${label}`}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Icon size={14} stroke={1.8} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export interface LeadRowActions {
  onConvert: (lead: Lead) => void;
  onDelete: (lead: Lead) => void;
}

/** The desktop list: one row per lead, sortable by name, value, created and updated. */
export function LeadTable({
  leads,
  sort,
  onSort,
  actions,
}: {
  leads: Lead[];
  sort: LeadSort;
  onSort: (sort: LeadSort) => void;
  actions: LeadRowActions;
}) {
  const header = { sort, onSort };
  return (
    <Card withBorder radius="md" p={0} visibleFrom="sm">
      <Table.ScrollContainer minWidth={860} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <SortHeader field="lastName" label="Name" {...header} />
              <Table.Th>Company</Table.Th>
              <Table.Th>Status</Table.Th>
              <SortHeader
                field="value"
                label="Value"
                align="right"
                firstDirection="descending"
                {...header}
              />
              <Table.Th>Owner</Table.Th>
              <SortHeader
                field="createdAt"
                label="Created"
                firstDirection="descending"
                {...header}
              />
              <SortHeader
                field="updatedAt"
                label="Updated"
                firstDirection="descending"
                {...header}
              />
              <Table.Th w={48}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {leads.map((lead) => (
              <Table.Tr key={lead.id}>
                <Table.Td maw={240}>
                  <Anchor component={Link} to={`/leads/${lead.id}`} fw={600} size="sm">
                    {fullName(lead)}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {lead.email || lead.phone}
                  </Text>
                </Table.Td>
                <Table.Td maw={200}>
                  <Text size="sm" truncate>
                    {lead.company}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <LeadStatusBadge status={lead.status} />
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(lead.value)}
                  </Text>
                </Table.Td>
                <Table.Td maw={180}>
                  <LeadOwner owner={lead.owner} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(lead.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(lead.updatedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <LeadRowMenu lead={lead} {...actions} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
