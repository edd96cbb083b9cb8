import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { roleLabels, type TeamMember } from '../../../../contracts/users.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { useUpdateUser } from '../api/update-user.ts';

function leadsPhrase(count: number) {
  return count === 1 ? '1 open lead' : `${count} open leads`;
}

/**
 * Deactivating or reactivating a user, each behind a confirmation. After a deactivation that
 * leaves open leads behind, `onDeactivated` lets the page offer to reassign them at once.
 */
export function useMemberStatus(onDeactivated: (member: TeamMember) => void) {
  const update = useUpdateUser();

  const deactivate = (member: TeamMember) => {
    const openLeads = member.openLeads ?? 0;
    modals.openConfirmModal({
      title: `Deactivate ${member.name}?`,
      children: (
        <Text size="sm">
          They are signed out everywhere at once and cannot sign in until an admin reactivates them.{' '}
          {openLeads > 0
            ? `Their ${leadsPhrase(openLeads)} stay assigned to them; you can reassign them next.`
            : 'Their leads and customers stay as they are.'}
        </Text>
      ),
      labels: { confirm: 'Deactivate', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        update.mutate(
          { id: member.id, changes: { active: false } },
          {
            onSuccess: (user) => {
              notifications.show({ color: 'green', message: `${user.name} was deactivated.` });
              if ((user.openLeads ?? 0) > 0) onDeactivated(user);
            },
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
          },
        ),
    });
  };

  const reactivate = (member: TeamMember) =>
    modals.openConfirmModal({
      title: `Reactivate ${member.name}?`,
      children: (
        <Text size="sm">
          They can sign in again with their existing password, as {roleLabels[member.role]}.
        </Text>
      ),
      labels: { confirm: 'Reactivate', cancel: 'Cancel' },
      onConfirm: () =>
        update.mutate(
          { id: member.id, changes: { active: true } },
          {
            onSuccess: (user) =>
              notifications.show({ color: 'green', message: `${user.name} can sign in again.` }),
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
          },
        ),
    });

  return { deactivate, reactivate, pending: update.isPending };
}
