import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { Lead } from '../../../../contracts/leads.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { useDeleteLead } from '../api/delete-lead.ts';
import { fullName } from './lead-format.ts';

/** Asks before deleting a lead; `onDeleted` runs once the server has removed it. */
export function useConfirmDeleteLead(onDeleted?: () => void) {
  const remove = useDeleteLead();
  const confirm = (lead: Lead) => {
    const name = fullName(lead);
    modals.openConfirmModal({
      title: `Delete ${name}?`,
      children: 'The lead is removed for everyone. This cannot be undone.',
      labels: { confirm: 'Delete lead', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(lead.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: `${name} was deleted.` });
            onDeleted?.();
          },
          onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
        }),
    });
  };
  return { confirm, pending: remove.isPending };
}
