import { Group, Select, Text } from '@mantine/core';
import { IconUser } from '@tabler/icons-react';
import { UserAvatar } from '../../../components/user-avatar.tsx';

const EVERYONE = 'everyone';

export interface OwnerOption {
  id: string;
  name: string;
  avatarUrl: string | null;
}

/**
 * Everyone, me, unassigned or one person: the team dashboard's owner filter. The people come
 * from the route (the team list), so this feature does not reach into another.
 */
export function OwnerFilter({
  value,
  people,
  loading,
  onChange,
}: {
  value: string | undefined;
  people: OwnerOption[];
  loading: boolean;
  onChange: (ownerId: string | undefined) => void;
}) {
  const items = people.map((person) => ({ value: person.id, label: person.name }));
  // A deep link may name someone no longer listed; keep the filter readable rather than blank.
  if (value && value !== 'me' && value !== 'none' && !items.some((item) => item.value === value)) {
    items.push({ value, label: loading ? 'Loading…' : 'Former user' });
  }
  return (
    <Select
      aria-label="Owner"
      leftSection={<IconUser size={16} />}
      leftSectionPointerEvents="none"
      data={[
        {
          group: 'Owner',
          items: [
            { value: EVERYONE, label: 'All owners' },
            { value: 'me', label: 'Me' },
            { value: 'none', label: 'Unassigned' },
          ],
        },
        ...(items.length > 0 ? [{ group: 'Team', items }] : []),
      ]}
      value={value ?? EVERYONE}
      onChange={(next) => onChange(next && next !== EVERYONE ? next : undefined)}
      allowDeselect={false}
      searchable
      nothingFoundMessage="Nobody by that name"
      renderOption={({ option }) => {
        const person = people.find((candidate) => candidate.id === option.value);
        return person ? (
          <Group gap="xs" wrap="nowrap">
            <UserAvatar user={person} size={22} />
            <Text size="sm" truncate>
              {option.label}
            </Text>
          </Group>
        ) : (
          option.label
        );
      }}
      w={{ base: '100%', xs: 220 }}
    />
  );
}
