import {
  Blockquote,
  Card,
  Group,
  Stack,
  Stepper,
  Text,
  ThemeIcon,
  useMatches,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { Lead } from '../../../../contracts/leads.ts';
import { leadStatusLabels } from '../../../../contracts/leads.ts';
import { formatDate } from './lead-format.ts';

const pipeline = ['new', 'contacted', 'qualified', 'converted'] as const;

function LostState({ lead }: { lead: Lead }) {
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      style={{ borderLeft: '4px solid var(--mantine-color-red-filled)' }}
      data-testid="lead-lost"
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon color="red" variant="light" size={40} radius="xl">
          <IconX size={22} />
        </ThemeIcon>
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <div>
            <Text fw={700} c="red">
              Lost
            </Text>
            <Text size="xs" c="dimmed">
              Since {formatDate(lead.statusChangedAt)}
            </Text>
          </div>
          {lead.lostReason ? (
            <Blockquote
              color="red"
              p="xs"
              pl="sm"
              mt={0}
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              <Text size="sm">{lead.lostReason}</Text>
            </Blockquote>
          ) : (
            <Text size="sm" c="dimmed">
              No reason was given.
            </Text>
          )}
          {lead.can.reopen ? (
            <Text size="xs" c="dimmed">
              Use “Reopen” above to bring it back into the pipeline.
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * Where the lead stands: New → Contacted → Qualified → Converted. A lost lead is not shown as
 * somewhere along that road; it gets its own red state with the reason.
 */
export function LeadStatusStepper({ lead }: { lead: Lead }) {
  // Phones get the icons alone, with the current step spelled out underneath.
  const wide = useMatches({ base: false, sm: true }, { getInitialValueInEffect: false });
  if (lead.status === 'lost') return <LostState lead={lead} />;
  const index = pipeline.indexOf(lead.status);
  const converted = lead.status === 'converted';
  const active = converted ? pipeline.length : index;
  const since = converted && lead.convertedAt ? lead.convertedAt : lead.statusChangedAt;
  const description = (step: number) =>
    step === index || (converted && step === pipeline.length - 1)
      ? `Since ${formatDate(since)}`
      : undefined;
  return (
    <Card withBorder radius="md" padding={wide ? 'lg' : 'md'} aria-label="Pipeline status">
      <Stepper
        active={active}
        size={wide ? 'sm' : 'xs'}
        color={converted ? 'green' : 'blue'}
        allowNextStepsSelect={false}
        styles={wide ? undefined : { stepBody: { display: 'none' } }}
        // The steps show where the lead stands; they are not buttons (status changes live in
        // the header's menu), so they read as a list.
        role="list"
      >
        {pipeline.map((status, step) => (
          <Stepper.Step
            key={status}
            label={leadStatusLabels[status]}
            description={description(step)}
            role="listitem"
            aria-label={leadStatusLabels[status]}
            aria-current={step === index ? 'step' : undefined}
          />
        ))}
      </Stepper>
      {wide ? null : (
        <Text size="sm" mt="sm" ta="center">
          Step {index + 1} of {pipeline.length}:{' '}
          <Text span fw={600} inherit>
            {leadStatusLabels[lead.status]}
          </Text>{' '}
          <Text span c="dimmed" inherit>
            since {formatDate(since)}
          </Text>
        </Text>
      )}
    </Card>
  );
}
