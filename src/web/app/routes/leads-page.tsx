import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { type LeadListParams, leadsQueryOptions } from '../../features/leads/api/list-leads.ts';
import { LeadList } from '../../features/leads/components/lead-list.tsx';

export function LeadsPage({
  params,
  showOwnerFilter,
  onParamsChange,
}: {
  params: LeadListParams;
  showOwnerFilter: boolean;
  onParamsChange: (params: LeadListParams) => void;
}) {
  // The list's own query: "New lead" follows the server's `canCreate` on the page it returned.
  const { data: canCreate = false } = useInfiniteQuery({
    ...leadsQueryOptions({ ...params, sort: params.sort ?? '-updatedAt' }),
    select: (data) => data.pages[0]?.canCreate ?? false,
  });
  return (
    <>
      <PageHeader
        title="Leads"
        actions={
          canCreate ? (
            <Button component={Link} to="/leads/new" leftSection={<IconPlus size={16} />}>
              New lead
            </Button>
          ) : null
        }
      />
      <LeadList params={params} onParamsChange={onParamsChange} showOwnerFilter={showOwnerFilter} />
    </>
  );
}
