import {
  Avatar,
  Button,
  Collapse,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
  useMatches,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import {
  IconAdjustmentsHorizontal,
  IconFilterOff,
  IconSearch,
  IconUser,
  IconUsers,
  IconX,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type LeadSource,
  type LeadStatus,
  leadSourceLabels,
  leadSources,
  leadStatuses,
  leadStatusLabels,
} from '../../../../contracts/leads.ts';
import { type AvatarPerson, UserAvatar } from '../../../components/user-avatar.tsx';
import { assignableUsersQueryOptions } from '../api/list-assignable-users.ts';
import type { LeadListParams } from '../api/list-leads.ts';

const ANYONE = 'anyone';

/** `new,contacted` → ['new', 'contacted'], dropping anything the list does not know. */
export function splitList<Value extends string>(
  list: string | undefined,
  allowed: readonly Value[],
) {
  return (list ?? '')
    .split(',')
    .filter((item): item is Value => (allowed as readonly string[]).includes(item));
}

function joinList(values: string[]): string | undefined {
  return values.length > 0 ? values.join(',') : undefined;
}

export function hasFilters(params: LeadListParams): boolean {
  return Boolean(params.q || params.status || params.ownerId || params.source);
}

/** What the owner filter shows beside a choice: a person's picture, or an icon for the others. */
function OwnerChoiceAvatar({
  value,
  people,
  size,
}: {
  value: string;
  people: Map<string, AvatarPerson>;
  size: number;
}) {
  if (value === ANYONE || value === 'me') {
    const Icon = value === ANYONE ? IconUsers : IconUser;
    return (
      <Avatar size={size} radius={1000} variant="light" color="gray" aria-hidden>
        <Icon size={Math.round(size * 0.58)} />
      </Avatar>
    );
  }
  return <UserAvatar user={people.get(value) ?? null} size={size} />;
}

function OwnerFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (ownerId: string | undefined) => void;
}) {
  const team = useQuery(assignableUsersQueryOptions);
  const byId = new Map<string, AvatarPerson>(
    (team.data?.data ?? []).map((user) => [user.id, user]),
  );
  const people = [...byId.values()].map((user) => ({ value: user.id, label: user.name }));
  // A deep link may name someone no longer active; keep the filter readable rather than blank.
  if (value && value !== 'me' && value !== 'none' && !byId.has(value)) {
    people.push({ value, label: team.isPending ? 'Loading…' : 'Former user' });
  }
  return (
    <Select
      aria-label="Owner"
      leftSection={<OwnerChoiceAvatar value={value ?? ANYONE} people={byId} size={20} />}
      leftSectionPointerEvents="none"
      data={[
        {
          group: 'Owner',
          items: [
            { value: ANYONE, label: 'Anyone' },
            { value: 'me', label: 'Me' },
            { value: 'none', label: 'Unassigned' },
          ],
        },
        ...(people.length > 0 ? [{ group: 'Team', items: people }] : []),
      ]}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <OwnerChoiceAvatar value={option.value} people={byId} size={22} />
          <Text size="sm" truncate>
            {option.label}
          </Text>
        </Group>
      )}
      value={value ?? ANYONE}
      onChange={(next) => onChange(next && next !== ANYONE ? next : undefined)}
      allowDeselect={false}
      searchable
      w={{ base: '100%', sm: 180 }}
    />
  );
}

/**
 * Search, status, owner and source: every change goes to the URL, so a link reproduces it.
 * The board leaves the status out (`showStatus={false}`): its columns are the statuses.
 */
export function LeadFilters({
  params,
  onParamsChange,
  showOwner,
  showStatus = true,
}: {
  params: LeadListParams;
  onParamsChange: (params: LeadListParams) => void;
  showOwner: boolean;
  showStatus?: boolean;
}) {
  const [search, setSearch] = useState(params.q ?? '');
  // Another control (an empty state's "Clear filters") may clear the search: follow it.
  const [seenQ, setSeenQ] = useState(params.q);
  if (params.q !== seenQ) {
    setSeenQ(params.q);
    if (params.q === undefined) setSearch('');
  }
  const pushSearch = useDebouncedCallback(
    (q: string) => onParamsChange({ ...params, q: q || undefined }),
    250,
  );
  const clearSearch = () => {
    setSearch('');
    onParamsChange({ ...params, q: undefined });
  };
  const wide = useMatches({ base: false, sm: true }, { getInitialValueInEffect: false });
  const [filtersOpened, filters] = useDisclosure(false);
  const clearAll = () => {
    setSearch('');
    onParamsChange({ sort: params.sort });
  };

  const searchBox = (
    <TextInput
      aria-label="Search leads"
      placeholder="Search leads"
      leftSection={<IconSearch size={16} />}
      rightSection={
        search ? (
          <UnstyledButton onClick={clearSearch} aria-label="Clear the search box" display="flex">
            <IconX size={16} />
          </UnstyledButton>
        ) : null
      }
      value={search}
      onChange={(event) => {
        setSearch(event.currentTarget.value);
        pushSearch(event.currentTarget.value.trim());
      }}
      w={{ base: 'auto', sm: 300 }}
      style={{ flexGrow: wide ? 0 : 1 }}
    />
  );
  const selects = (
    <>
      {showStatus ? (
        <MultiSelect
          aria-label="Status"
          placeholder={params.status ? undefined : 'Any status'}
          data={leadStatuses.map((status) => ({ value: status, label: leadStatusLabels[status] }))}
          value={splitList<LeadStatus>(params.status, leadStatuses)}
          onChange={(values) => onParamsChange({ ...params, status: joinList(values) })}
          clearable
          w={{ base: '100%', sm: 240 }}
        />
      ) : null}
      {showOwner ? (
        <OwnerFilter
          value={params.ownerId}
          onChange={(ownerId) => onParamsChange({ ...params, ownerId })}
        />
      ) : null}
      <MultiSelect
        aria-label="Source"
        placeholder={params.source ? undefined : 'Any source'}
        data={leadSources.map((source) => ({ value: source, label: leadSourceLabels[source] }))}
        value={splitList<LeadSource>(params.source, leadSources)}
        onChange={(values) => onParamsChange({ ...params, source: joinList(values) })}
        clearable
        w={{ base: '100%', sm: 240 }}
      />
      {hasFilters(params) ? (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={clearAll}
        >
          Clear filters
        </Button>
      ) : null}
    </>
  );

  if (wide) {
    return (
      <Group gap="sm" align="flex-start" wrap="wrap">
        {searchBox}
        {selects}
      </Group>
    );
  }
  // Phones: the search stays in view; the filters fold away behind one button.
  const active = [params.status, params.ownerId, params.source].filter(Boolean).length;
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        {searchBox}
        <Button
          variant={active > 0 ? 'light' : 'default'}
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          onClick={filters.toggle}
          aria-expanded={filtersOpened}
          px="sm"
        >
          {active > 0 ? `Filters · ${active}` : 'Filters'}
        </Button>
      </Group>
      <Collapse in={filtersOpened}>
        <Stack gap="xs">{selects}</Stack>
      </Collapse>
    </Stack>
  );
}
