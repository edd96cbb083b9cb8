import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCircleCheck, IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Lead } from '../../../../contracts/leads.ts';
import { ConvertLeadDialog } from './convert-lead-dialog.tsx';
import { fullName } from './lead-format.ts';
import { LeadStatusBadge } from './lead-status-badge.tsx';
import { LeadStatusMenu } from './lead-status-menu.tsx';
import { useConfirmDeleteLead } from './use-confirm-delete-lead.tsx';

/** Every action here comes from the lead's `can` and `nextStatuses`; none is worked out here. */
function LeadActions({ lead }: { lead: Lead }) {
  const navigate = useNavigate();
  const [converting, convert] = useDisclosure(false);
  const { confirm, pending } = useConfirmDeleteLead(() => void navigate({ to: '/leads' }));
  return (
    <>
      <LeadStatusMenu lead={lead} />
      {lead.can.convert ? (
        <Button color="green" leftSection={<IconCircleCheck size={16} />} onClick={convert.open}>
          Convert
        </Button>
      ) : null}
      {lead.can.edit ? (
        <Button
          component={Link}
          to={`/leads/${lead.id}/edit`}
          variant="default"
          leftSection={<IconPencil size={16} />}
        >
          Edit
        </Button>
      ) : null}
      {lead.can.delete ? (
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} />}
          onClick={() => confirm(lead)}
          loading={pending}
        >
          Delete
        </Button>
      ) : null}
      {lead.can.convert || converting ? (
        <ConvertLeadDialog lead={lead} opened={converting} onClose={convert.close} />
      ) : null}
    </>
  );
}

export function LeadHeader({ lead }: { lead: Lead }) {
  const role = [lead.jobTitle, lead.company].filter(Boolean).join(' · ');
  return (
    <Stack gap={4} mb="lg">
      <Breadcrumbs separatorMargin={6}>
        <Anchor component={Link} to="/leads" size="sm">
          Leads
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm" align="center">
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
              {fullName(lead)}
            </Title>
            {lead.status === 'converted' ? (
              <Badge
                color="green"
                variant="light"
                size="lg"
                leftSection={<IconLock size={14} aria-hidden />}
                data-testid="lead-locked"
              >
                Converted · locked
              </Badge>
            ) : (
              <LeadStatusBadge status={lead.status} size="lg" />
            )}
          </Group>
          {role ? (
            <Text c="dimmed" size="sm">
              {role}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs">
          <LeadActions lead={lead} />
        </Group>
      </Group>
    </Stack>
  );
}
