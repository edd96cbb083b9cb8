import { Button, Card, Center, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFilterOff, IconTargetArrow } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Lead, LeadSort } from '../../../../contracts/leads.ts';
import { LoadMore } from '../../../components/load-more.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { type LeadListParams, leadsQueryOptions } from '../api/list-leads.ts';
import { ConvertLeadDialog } from './convert-lead-dialog.tsx';
import { LeadCards } from './lead-cards.tsx';
import { hasFilters, LeadFilters } from './lead-filters.tsx';
import { LeadTable } from './lead-table.tsx';
import { useConfirmDeleteLead } from './use-confirm-delete-lead.tsx';

function EmptyState({
  filtered,
  onClear,
  canCreate,
}: {
  filtered: boolean;
  onClear: () => void;
  canCreate: boolean;
}) {
  return (
    <Card withBorder radius="md" py={48}>
      <Stack align="center" gap="sm">
        <ThemeIcon size={56} radius="xl" variant="light">
          {filtered ? <IconFilterOff size={28} /> : <IconTargetArrow size={28} />}
        </ThemeIcon>
        {filtered ? (
          <>
            <Title order={2} fz="h4">
              No leads match these filters
            </Title>
            <Text c="dimmed" size="sm" ta="center" maw={360}>
              Try another search, or widen the status, owner or source.
            </Text>
            <Button variant="light" onClick={onClear}>
              Clear filters
            </Button>
          </>
        ) : (
          <>
            <Title order={2} fz="h4">
              No leads yet
            </Title>
            <Text c="dimmed" size="sm" ta="center" maw={380}>
              Leads are the people who might buy from you. Add one, move it through the pipeline,
              and convert it into a customer when it is won.
            </Text>
            {canCreate ? (
              <Button component={Link} to="/leads/new">
                Add your first lead
              </Button>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The lead list: filters in the URL, sortable columns, cards on phones, "Load more" paging. */
export function LeadList({
  params,
  onParamsChange,
  showOwnerFilter,
}: {
  params: LeadListParams;
  onParamsChange: (params: LeadListParams) => void;
  showOwnerFilter: boolean;
}) {
  const sort: LeadSort = params.sort ?? '-updatedAt';
  const query = useInfiniteQuery(leadsQueryOptions({ ...params, sort }));
  const leads = query.data?.pages.flatMap((page) => page.data) ?? [];
  const firstPage = query.data?.pages[0];
  const total = firstPage?.total ?? 0;
  const [converting, setConverting] = useState<Lead | null>(null);
  const { confirm: confirmDelete } = useConfirmDeleteLead();
  const actions = { onConvert: setConverting, onDelete: confirmDelete };
  const filtered = hasFilters(params);

  return (
    <Stack gap="md">
      <LeadFilters params={params} onParamsChange={onParamsChange} showOwner={showOwnerFilter} />
      {firstPage ? (
        <Text size="sm" c="dimmed" aria-live="polite" mt={-4}>
          {total === 1 ? '1 lead' : `${total.toLocaleString()} leads`}
        </Text>
      ) : null}

      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading leads" />
        </Center>
      ) : query.isError ? (
        <Text c="red" role="alert">
          {errorMessage(query.error)}
        </Text>
      ) : leads.length === 0 ? (
        <EmptyState
          filtered={filtered}
          onClear={() => onParamsChange({ sort: params.sort })}
          canCreate={firstPage?.canCreate ?? false}
        />
      ) : (
        <>
          <LeadTable
            leads={leads}
            sort={sort}
            onSort={(next) => onParamsChange({ ...params, sort: next })}
            actions={actions}
          />
          <LeadCards leads={leads} actions={actions} />
          <LoadMore query={query} />
        </>
      )}
      {converting ? (
        <ConvertLeadDialog lead={converting} opened onClose={() => setConverting(null)} />
      ) : null}
    </Stack>
  );
}
