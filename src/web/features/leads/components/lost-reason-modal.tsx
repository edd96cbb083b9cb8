import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Lead } from '../../../../contracts/leads.ts';
import { useServerSubmit } from '../../../lib/use-server-submit.ts';
import { useUpdateLead } from '../api/update-lead.ts';
import { fullName } from './lead-format.ts';

/**
 * Marking a lead lost asks why: the reason is required, by this form and by the server.
 * `onLost` runs once the server has accepted, before `onClose` (which a cancel runs alone).
 */
export function LostReasonModal({
  lead,
  opened,
  onClose,
  onLost,
}: {
  lead: Lead;
  opened: boolean;
  onClose: () => void;
  onLost?: (lead: Lead) => void;
}) {
  const update = useUpdateLead(lead.id);
  const form = useForm({
    initialValues: { lostReason: '' },
    validate: {
      lostReason: (reason) => (reason.trim() ? null : 'Say why the lead was lost'),
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const { onSubmit, failure, pending } = useServerSubmit(form, ['lostReason'], async (values) => {
    const updated = await update.mutateAsync({
      status: 'lost',
      lostReason: values.lostReason.trim(),
    });
    notifications.show({ color: 'green', message: `${fullName(lead)} is marked as lost.` });
    onLost?.(updated);
    close();
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Mark as lost"
      data-testid="lost-reason-dialog"
      centered
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Text size="sm">
            {fullName(lead)} leaves the pipeline. The reason is kept on the lead and in its
            activity.
          </Text>
          <Textarea
            label="Reason"
            placeholder="e.g. Chose a competitor, no budget this year"
            withAsterisk
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus
            {...form.getInputProps('lostReason')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={pending}>
              Mark as lost
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
