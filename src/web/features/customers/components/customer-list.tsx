import {
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  IconChevronDown,
  IconChevronUp,
  IconSearch,
  IconSelector,
  IconUsers,
  IconX,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Customer, CustomerSort, CustomerSortField } from '../../../../contracts/customers.ts';
import { LoadMore } from '../../../components/load-more.tsx';
import { UserAvatar } from '../../../components/user-avatar.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { type CustomerListParams, customersQueryOptions } from '../api/list-customers.ts';

const created = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function SortHeader({
  field,
  label,
  sort,
  onSort,
}: {
  field: CustomerSortField;
  label: string;
  sort: CustomerSort;
  onSort: (sort: CustomerSort) => void;
}) {
  const active = sort.replace(/^-/, '') === field;
  const descending = sort.startsWith('-');
  const Icon = !active ? IconSelector : descending ? IconChevronDown : IconChevronUp;
  return (
    <Table.Th aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(active && !descending ? `-${field}` : field)}
        aria-label={`Sort by ${label}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Icon size={14} stroke={1.8} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function fullName(customer: Customer) {
  return `${customer.firstName} ${customer.lastName}`;
}

function EmptyState({
  search,
  onClear,
  canCreate,
}: {
  search?: string;
  onClear: () => void;
  canCreate: boolean;
}) {
  return (
    <Card withBorder radius="md" py={48}>
      <Stack align="center" gap="sm">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconUsers size={28} />
        </ThemeIcon>
        {search ? (
          <>
            <Title order={2} fz="h4">
              No customers match “{search}”
            </Title>
            <Text c="dimmed" size="sm" ta="center">
              Try a name, email, company or phone number.
            </Text>
            <Button variant="light" onClick={onClear}>
              Clear search
            </Button>
          </>
        ) : (
          <>
            <Title order={2} fz="h4">
              No customers yet
            </Title>
            <Text c="dimmed" size="sm" ta="center" maw={360}>
              Customers are the people and companies you do business with. Add one to get started.
            </Text>
            {canCreate ? (
              <Button component={Link} to="/customers/new">
                Add your first customer
              </Button>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The customer list: search, sortable columns, cards on phones, "Load more" paging. */
export function CustomerList({
  params,
  onParamsChange,
}: {
  params: CustomerListParams;
  onParamsChange: (params: CustomerListParams) => void;
}) {
  const sort: CustomerSort = params.sort ?? '-createdAt';
  const [search, setSearch] = useState(params.q ?? '');
  const pushSearch = useDebouncedCallback(
    (q: string) => onParamsChange({ ...params, q: q || undefined }),
    250,
  );
  const query = useInfiniteQuery(customersQueryOptions({ q: params.q, sort }));
  const customers = query.data?.pages.flatMap((page) => page.data) ?? [];
  const firstPage = query.data?.pages[0];
  const total = firstPage?.total ?? 0;
  const onSort = (next: CustomerSort) => onParamsChange({ ...params, sort: next });
  const clear = () => {
    setSearch('');
    onParamsChange({ ...params, q: undefined });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          aria-label="Search customers"
          placeholder="Search name, email, company, phone"
          leftSection={<IconSearch size={16} />}
          rightSection={
            search ? (
              <UnstyledButton onClick={clear} aria-label="Clear the search box" display="flex">
                <IconX size={16} />
              </UnstyledButton>
            ) : null
          }
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            pushSearch(event.currentTarget.value.trim());
          }}
          w={{ base: '100%', sm: 360 }}
        />
        {firstPage ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {total === 1 ? '1 customer' : `${total.toLocaleString()} customers`}
          </Text>
        ) : null}
      </Group>

      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading customers" />
        </Center>
      ) : query.isError ? (
        <Text c="red" role="alert">
          {errorMessage(query.error)}
        </Text>
      ) : customers.length === 0 ? (
        <EmptyState search={params.q} onClear={clear} canCreate={firstPage?.canCreate ?? false} />
      ) : (
        <>
          <Card withBorder radius="md" p={0} visibleFrom="sm">
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <SortHeader field="lastName" label="Name" sort={sort} onSort={onSort} />
                  <Table.Th>Email</Table.Th>
                  <SortHeader field="company" label="Company" sort={sort} onSort={onSort} />
                  <Table.Th>Phone</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <SortHeader field="createdAt" label="Created" sort={sort} onSort={onSort} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {customers.map((customer) => (
                  <Table.Tr key={customer.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${customer.id}`} fw={600} size="sm">
                        {fullName(customer)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {customer.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{customer.company}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {customer.phone}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {customer.owner ? (
                        <Group gap={6} wrap="nowrap">
                          <UserAvatar user={customer.owner} size={24} />
                          <Text size="sm">{customer.owner.name}</Text>
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Unassigned
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {created.format(new Date(customer.createdAt))}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>

          <Stack gap="xs" hiddenFrom="sm">
            {customers.map((customer) => (
              <Card
                key={customer.id}
                withBorder
                radius="md"
                padding="sm"
                component={Link}
                to={`/customers/${customer.id}`}
              >
                <Text fw={600} size="sm">
                  {fullName(customer)}
                </Text>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {[customer.company, customer.email].filter(Boolean).join(' · ')}
                </Text>
              </Card>
            ))}
          </Stack>

          <LoadMore query={query} />
        </>
      )}
    </Stack>
  );
}
