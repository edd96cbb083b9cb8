import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { TeamMember } from '../../../../contracts/users.ts';
import { useServerSubmit } from '../../../lib/use-server-submit.ts';
import { useReassignLeads } from '../api/reassign-leads.ts';

const NOBODY = 'nobody';
const fields = ['toUserId'] as const;

export function movedMessage(count: number, to: string | null): string {
  const leads = count === 1 ? '1 lead' : `${count} leads`;
  if (count === 0) return 'There were no open leads to move.';
  return to === null
    ? `Moved ${leads} to nobody: they are unassigned now.`
    : `Moved ${leads} to ${to}.`;
}

function ReassignForm({
  from,
  team,
  onDone,
}: {
  from: TeamMember;
  team: TeamMember[];
  onDone: () => void;
}) {
  const reassign = useReassignLeads();
  const candidates = team.filter((member) => member.active && member.id !== from.id);
  const form = useForm<{ toUserId: string }>({ initialValues: { toUserId: '' } });
  const { onSubmit, failure, pending } = useServerSubmit(form, fields, async ({ toUserId }) => {
    const to = toUserId === NOBODY ? null : toUserId;
    const result = await reassign.mutateAsync({ fromUserId: from.id, toUserId: to });
    const toName = to === null ? null : (team.find((member) => member.id === to)?.name ?? 'them');
    notifications.show({ color: 'green', message: movedMessage(result.reassigned, toName) });
    onDone();
  });
  const openLeads = from.openLeads ?? 0;

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <Text size="sm">
          {openLeads === 0
            ? `${from.name} has no open leads right now. Any that are open when you confirm will move.`
            : `${from.name} owns ${openLeads === 1 ? '1 open lead' : `${openLeads} open leads`} (New, Contacted or Qualified). They all move in one step; converted and lost leads stay with ${from.name}.`}
        </Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Select
          label="New owner"
          placeholder="Choose who takes them over"
          data={[
            { value: NOBODY, label: 'Nobody (unassigned)' },
            ...candidates.map((member) => ({ value: member.id, label: member.name })),
          ]}
          searchable
          nothingFoundMessage="No active user by that name"
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('toUserId')}
          value={form.values.toUserId || null}
          onChange={(value) => form.setFieldValue('toUserId', value ?? '')}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending} disabled={!form.values.toUserId}>
            Reassign leads
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Hands a user's open leads to an active teammate (or to nobody) in one request. */
export function ReassignLeadsModal({
  opened,
  from,
  team,
  onClose,
}: {
  opened: boolean;
  from: TeamMember | null;
  team: TeamMember[];
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened && from !== null}
      onClose={onClose}
      title={from ? `Reassign ${from.name}’s open leads` : 'Reassign open leads'}
    >
      {from ? <ReassignForm from={from} team={team} onDone={onClose} /> : null}
    </Modal>
  );
}
