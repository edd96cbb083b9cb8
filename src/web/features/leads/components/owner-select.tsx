import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Lead } from '../../../../contracts/leads.ts';
import { assignableUsersQueryOptions } from '../api/list-assignable-users.ts';

const UNASSIGNED = 'unassigned';

/**
 * Picks a lead's owner among the active users, or nobody. The current owner stays an option
 * even when no longer active, so the picker never shows a blank for a real value.
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
  const people = (team.data?.data ?? []).map((user) => ({ value: user.id, label: user.name }));
  if (currentOwner && !people.some((person) => person.value === currentOwner.id)) {
    people.push({ value: currentOwner.id, label: currentOwner.name });
  }
  if (value && !people.some((person) => person.value === value)) {
    people.push({ value, label: team.isPending ? 'Loading…' : 'Unknown user' });
  }
  return (
    <Select
      data={[{ value: UNASSIGNED, label: 'Unassigned' }, ...people]}
      value={value ?? UNASSIGNED}
      onChange={(next) => onChange(next && next !== UNASSIGNED ? next : null)}
      allowDeselect={false}
      searchable
      nothingFoundMessage="Nobody by that name"
      {...props}
    />
  );
}
