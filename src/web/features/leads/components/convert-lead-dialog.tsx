import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { Conversion, Lead } from '../../../../contracts/leads.ts';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useConvertLead } from '../api/convert-lead.ts';
import { fullName } from './lead-format.ts';

type Step =
  | { kind: 'confirm' }
  | { kind: 'duplicate'; existingCustomerId: string }
  | { kind: 'already'; customerId: string | undefined };

/**
 * Conversion in the server's words: confirm, then either land on the new customer, or — when a
 * customer already has this email — offer to link the lead to that customer instead.
 * With `onConverted` (the board) the caller decides what follows and nothing navigates;
 * `onClose` follows it, as it follows a cancel.
 */
export function ConvertLeadDialog({
  lead,
  opened,
  onClose,
  onConverted,
}: {
  lead: Lead;
  opened: boolean;
  onClose: () => void;
  onConverted?: (conversion: Conversion) => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const convert = useConvertLead(lead.id);
  const [step, setStep] = useState<Step>({ kind: 'confirm' });
  const [failure, setFailure] = useState<string | null>(null);
  // The server refuses to make a customer without an email: point at where to add one.
  const [needsEmail, setNeedsEmail] = useState(false);
  const name = fullName(lead);

  const close = () => {
    onClose();
    setStep({ kind: 'confirm' });
    setFailure(null);
    setNeedsEmail(false);
    convert.reset();
  };

  // Awaited rather than mutate's callbacks: a successful conversion locks the lead, and the
  // page may unmount this dialog before the callbacks would run.
  const run = async (customerId?: string) => {
    setFailure(null);
    try {
      const conversion = await convert.mutateAsync(customerId ? { customerId } : {});
      const { customer } = conversion;
      const customerName = customer ? `${customer.firstName} ${customer.lastName}` : null;
      notifications.show({
        color: 'green',
        message: customerId
          ? `${name} is linked to ${customerName ?? 'the existing customer'}.`
          : `${name} is now a customer.`,
      });
      if (onConverted) {
        onConverted(conversion);
        close();
        return;
      }
      close();
      // A customer outside the caller's scope cannot be opened: the lead page shows the result.
      if (customer) {
        await navigate({ to: '/customers/$customerId', params: { customerId: customer.id } });
      }
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      if (problem?.code === 'duplicate_customer' && problem.existingCustomerId && !customerId) {
        setStep({ kind: 'duplicate', existingCustomerId: problem.existingCustomerId });
      } else if (problem?.code === 'already_converted') {
        setStep({ kind: 'already', customerId: problem.customerId });
        void queryClient.invalidateQueries({ queryKey: ['leads'] });
      } else {
        setFailure(errorMessage(error));
        setNeedsEmail(
          error instanceof ApiError && error.fieldErrors.some((e) => e.path === 'email'),
        );
      }
    }
  };

  const failureAlert = failure ? (
    <Alert color="red" role="alert">
      {failure}
      {needsEmail && lead.can.edit ? (
        <>
          {' '}
          <Anchor component={Link} to={`/leads/${lead.id}/edit`} inherit onClick={close}>
            Edit the lead
          </Anchor>
        </>
      ) : null}
    </Alert>
  ) : null;

  if (step.kind === 'duplicate') {
    return (
      <Modal
        opened={opened}
        onClose={close}
        title="A customer with this email already exists"
        data-testid="duplicate-customer-dialog"
        centered
      >
        <Stack gap="md">
          {failureAlert}
          <Text size="sm">
            {lead.email ? (
              <>
                <Text span fw={600} inherit>
                  {lead.email}
                </Text>{' '}
                belongs to a customer already.
              </>
            ) : (
              'This lead matches a customer already.'
            )}{' '}
            Link {name} to that customer instead of creating a second one? The lead is then locked.
          </Text>
          <Anchor component={Link} to={`/customers/${step.existingCustomerId}`} size="sm">
            Open the existing customer
          </Anchor>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={convert.isPending}>
              Cancel
            </Button>
            <Button onClick={() => void run(step.existingCustomerId)} loading={convert.isPending}>
              Link lead to this customer
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Convert to a customer"
      data-testid="convert-lead-dialog"
      centered
    >
      <Stack gap="md">
        {failureAlert}
        {step.kind === 'already' ? (
          <Alert color="yellow" role="alert" title="Already converted">
            Someone converted {name} in the meantime.{' '}
            {step.customerId ? (
              <Anchor component={Link} to={`/customers/${step.customerId}`} inherit onClick={close}>
                Open the customer
              </Anchor>
            ) : null}
          </Alert>
        ) : (
          <Text size="sm">
            Convert {name} to a customer? A customer is created from this lead’s details, owned by{' '}
            {lead.owner ? lead.owner.name : 'no one (unassigned)'}. The lead is then locked.
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={convert.isPending}>
            {step.kind === 'already' ? 'Close' : 'Cancel'}
          </Button>
          {step.kind === 'confirm' ? (
            <Button color="green" onClick={() => void run()} loading={convert.isPending}>
              Convert
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
