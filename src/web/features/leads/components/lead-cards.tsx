import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Lead } from '../../../../contracts/leads.ts';
import { formatMoney } from '../../../lib/money.ts';
import { fullName } from './lead-format.ts';
import { LeadOwner } from './lead-owner.tsx';
import { LeadRowMenu } from './lead-row-menu.tsx';
import { LeadStatusBadge } from './lead-status-badge.tsx';
import type { LeadRowActions } from './lead-table.tsx';

/** The phone list: one card per lead with what a glance needs. */
export function LeadCards({ leads, actions }: { leads: Lead[]; actions: LeadRowActions }) {
  return (
    <Stack gap="xs" hiddenFrom="sm">
      {leads.map((lead) => (
        <Card key={lead.id} withBorder radius="md" padding="sm" data-testid="lead-card">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/leads/${lead.id}`} fw={600} size="sm">
                {fullName(lead)}
              </Anchor>
              {lead.company ? (
                <Text size="sm" c="dimmed" truncate>
                  {lead.company}
                </Text>
              ) : null}
            </Stack>
            <Group gap={4} wrap="nowrap">
              <LeadStatusBadge status={lead.status} />
              <LeadRowMenu lead={lead} {...actions} />
            </Group>
          </Group>
          <Group justify="space-between" wrap="nowrap" mt="xs" gap="xs">
            <LeadOwner owner={lead.owner} />
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(lead.value)}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
