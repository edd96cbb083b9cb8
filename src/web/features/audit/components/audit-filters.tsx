import { Button, Group, Select, type SelectProps, Text, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import {
  auditActionLabels,
  auditActionsByCategory,
  auditCategories,
  auditCategoryLabels,
} from '../../../../contracts/audit.ts';
import { UserAvatar } from '../../../components/user-avatar.tsx';
import type { AuditLogParams } from '../api/list-audit-events.ts';
import { auditUsersQueryOptions } from '../api/list-audit-users.ts';

/** A whole category, or one action under it. */
const kindOptions = auditCategories.map((category) => ({
  group: auditCategoryLabels[category],
  items: [
    { value: category, label: `All ${auditCategoryLabels[category].toLowerCase()}` },
    ...auditActionsByCategory[category].map((action) => ({
      value: action,
      label: auditActionLabels[action],
    })),
  ],
}));

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export const hasAuditFilters = (params: AuditLogParams): boolean =>
  Boolean(params.action || params.userId || params.from || params.to);

/** Kind, user and UTC days; every change goes to the URL. */
export function AuditFilters({
  params,
  onParamsChange,
}: {
  params: AuditLogParams;
  onParamsChange: (params: AuditLogParams) => void;
}) {
  const users = useQuery(auditUsersQueryOptions);
  const members = users.data?.data ?? [];
  const userOptions = members.map((user) => ({
    value: user.id,
    label: user.active ? user.name : `${user.name} (deactivated)`,
  }));
  const byId = new Map(members.map((user) => [user.id, user]));
  const renderUser: SelectProps['renderOption'] = ({ option }) => (
    <Group gap="xs" wrap="nowrap">
      <UserAvatar user={byId.get(option.value) ?? null} size={24} />
      <Text size="sm">{option.label}</Text>
    </Group>
  );
  const selected = params.userId ? byId.get(params.userId) : undefined;

  const setDay = (end: 'from' | 'to', value: string) => {
    if (value !== '' && !isDay(value)) return;
    const next = { ...params, [end]: value || undefined };
    // Never a reversed range: moving one end past the other brings the other along.
    if (next.from && next.to && next.from > next.to) {
      if (end === 'from') next.to = value;
      else next.from = value;
    }
    onParamsChange(next);
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Kind"
        placeholder="Everything"
        data={kindOptions}
        value={params.action ?? null}
        onChange={(value) => onParamsChange({ ...params, action: value ?? undefined })}
        clearable
        searchable
        w={{ base: '100%', xs: 230 }}
        comboboxProps={{ width: 260, position: 'bottom-start' }}
      />
      <Select
        label="User"
        placeholder="Anyone"
        data={userOptions}
        value={params.userId ?? null}
        onChange={(value) => onParamsChange({ ...params, userId: value ?? undefined })}
        renderOption={renderUser}
        leftSection={selected ? <UserAvatar user={selected} size={20} /> : undefined}
        leftSectionPointerEvents="none"
        clearable
        searchable
        nothingFoundMessage="No such user"
        w={{ base: '100%', xs: 230 }}
      />
      <Group gap="xs" wrap="nowrap" w={{ base: '100%', xs: 'auto' }}>
        <TextInput
          type="date"
          label="From (UTC)"
          value={params.from ?? ''}
          max={params.to}
          onChange={(event) => setDay('from', event.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <TextInput
          type="date"
          label="To (UTC)"
          value={params.to ?? ''}
          min={params.from}
          onChange={(event) => setDay('to', event.currentTarget.value)}
          style={{ flex: 1 }}
        />
      </Group>
      {hasAuditFilters(params) ? (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onParamsChange({})}
        >
          Clear
        </Button>
      ) : null}
    </Group>
  );
}
