import { Anchor, Card, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { type Lead, leadSourceLabels } from '../../../../contracts/leads.ts';
import { Field } from '../../../components/field.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatMoney } from '../../../lib/money.ts';
import { useUpdateLead } from '../api/update-lead.ts';
import { formatDateTime } from './lead-format.ts';
import { LeadOwner } from './lead-owner.tsx';
import { OwnerSelect } from './owner-select.tsx';

/** The owner, or — for those who may assign — a picker that reassigns at once. */
function OwnerField({ lead }: { lead: Lead }) {
  const update = useUpdateLead(lead.id);
  if (!lead.can.assign) {
    return (
      <Field label="Owner">
        <LeadOwner owner={lead.owner} />
      </Field>
    );
  }
  return (
    <OwnerSelect
      label="Owner"
      size="sm"
      currentOwner={lead.owner}
      value={lead.ownerId}
      disabled={update.isPending}
      onChange={(ownerId) => {
        if (ownerId === lead.ownerId) return;
        update.mutate(
          { ownerId },
          {
            onSuccess: (next) =>
              notifications.show({
                color: 'green',
                message: next.owner
                  ? `${next.owner.name} now owns this lead.`
                  : 'The lead is unassigned.',
              }),
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
          },
        );
      }}
      styles={{
        label: {
          fontSize: 'var(--mantine-font-size-xs)',
          color: 'var(--mantine-color-dimmed)',
          textTransform: 'uppercase',
          fontWeight: 600,
          letterSpacing: 0.3,
        },
      }}
    />
  );
}

export function LeadDetail({ lead }: { lead: Lead }) {
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md" h="100%">
          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <Title order={2} fz="h4">
                Contact
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Field label="Email">
                  {lead.email ? (
                    <Anchor href={`mailto:${lead.email}`} size="sm">
                      {lead.email}
                    </Anchor>
                  ) : null}
                </Field>
                <Field label="Phone">
                  {lead.phone ? (
                    <Anchor href={`tel:${lead.phone}`} size="sm">
                      {lead.phone}
                    </Anchor>
                  ) : null}
                </Field>
                <Field label="Company">{lead.company}</Field>
                <Field label="Job title">{lead.jobTitle}</Field>
              </SimpleGrid>
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="lg" style={{ flex: 1 }}>
            <Stack gap="sm">
              <Title order={2} fz="h4">
                Notes
              </Title>
              {lead.notes ? (
                <Text
                  size="sm"
                  dir="auto"
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {lead.notes}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  No notes yet.
                </Text>
              )}
            </Stack>
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder radius="md" padding="lg" h="100%">
          <Stack gap="md">
            <Title order={2} fz="h4">
              Details
            </Title>
            <OwnerField lead={lead} />
            <Field label="Value">{formatMoney(lead.value)}</Field>
            <Field label="Source">{leadSourceLabels[lead.source]}</Field>
            <Field label="Created">{formatDateTime(lead.createdAt)}</Field>
            <Field label="Status changed">{formatDateTime(lead.statusChangedAt)}</Field>
            {lead.convertedAt ? (
              <Field label="Converted">
                {formatDateTime(lead.convertedAt)}
                {lead.customerId ? (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/customers/${lead.customerId}`} size="sm">
                      Open the customer
                    </Anchor>
                  </>
                ) : null}
              </Field>
            ) : null}
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
