import { Group, Select, type SelectProps, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Lead } from '../../../../contracts/leads.ts';
import { type AvatarPerson, UserAvatar } from '../../../components/user-avatar.tsx';
import { assignableUsersQueryOptions } from '../api/list-assignable-users.ts';

const UNASSIGNED = 'unassigned';

/**
 * Picks a lead's owner among the active users, or nobody, each with their picture. The current
 * owner stays an option even when no longer active, so the picker never shows a blank for a
 * real value.
 */
export function OwnerSelect({
  value,
  onChange,
  currentOwner,
  ...props
}: {
  value: string | null;
  onChange: (ownerId: string | null) => void;
  currentOwner?: Lead['owner'];
} & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const team = useQuery(assignableUsersQueryOptions);
  const byId = new Map<string, AvatarPerson>(
    (team.data?.data ?? []).map((user) => [user.id, user]),
  );
  if (currentOwner && !byId.has(currentOwner.id)) byId.set(currentOwner.id, currentOwner);
  const people = [...byId.values()].map((user) => ({ value: user.id, label: user.name }));
  if (value && !byId.has(value)) {
    people.push({ value, label: team.isPending ? 'Loading…' : 'Unknown user' });
  }
  const selected = value ? (byId.get(value) ?? null) : null;
  return (
    <Select
      data={[{ value: UNASSIGNED, label: 'Unassigned' }, ...people]}
      value={value ?? UNASSIGNED}
      onChange={(next) => onChange(next && next !== UNASSIGNED ? next : null)}
      allowDeselect={false}
      searchable
      nothingFoundMessage="Nobody by that name"
      leftSection={<UserAvatar user={selected} size={20} />}
      leftSectionPointerEvents="none"
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <UserAvatar
            user={option.value === UNASSIGNED ? null : (byId.get(option.value) ?? null)}
            size={22}
          />
          <Text size="sm" truncate>
            {option.label}
          </Text>
        </Group>
      )}
      {...props}
    />
  );
}
