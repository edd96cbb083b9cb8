import { Group, Text } from '@mantine/core';
import type { Lead } from '../../../../contracts/leads.ts';
import { UserAvatar } from '../../../components/user-avatar.tsx';

export function LeadOwner({ owner }: { owner: Lead['owner'] }) {
  if (!owner) {
    return (
      <Text size="sm" c="dimmed">
        Unassigned
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <UserAvatar user={owner} size={24} />
      <Text size="sm" truncate>
        {owner.name}
      </Text>
    </Group>
  );
}
