import { Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Role, roleLabels, type TeamMember } from '../../../../contracts/users.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { useUpdateUser } from '../api/update-user.ts';
import { roleOptions } from './role-options.ts';

/** A role picker where the server allows a change (`can.changeRole`), the role as text elsewhere. */
export function MemberRole({ member }: { member: TeamMember }) {
  const update = useUpdateUser();
  if (!member.can?.changeRole) {
    // Lined up with the text inside the pickers of the other rows.
    return (
      <Text size="xs" px={10} lh="30px">
        {roleLabels[member.role]}
      </Text>
    );
  }
  return (
    <Select
      aria-label={`Role of ${member.name}`}
      data={roleOptions}
      value={member.role}
      allowDeselect={false}
      size="xs"
      w={128}
      disabled={update.isPending}
      onChange={(value) => {
        if (!value || value === member.role) return;
        const role = value as Role;
        update.mutate(
          { id: member.id, changes: { role } },
          {
            onSuccess: (user) =>
              notifications.show({
                color: 'green',
                message: `${user.name} is now ${roleLabels[user.role]}.`,
              }),
            onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
          },
        );
      }}
    />
  );
}
