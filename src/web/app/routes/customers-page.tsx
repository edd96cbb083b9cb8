import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { PageHeader } from '../../components/page-header.tsx';
import type { CustomerListParams } from '../../features/customers/api/list-customers.ts';
import { CustomerList } from '../../features/customers/components/customer-list.tsx';

export function CustomersPage({
  params,
  canCreate,
  onParamsChange,
}: {
  params: CustomerListParams;
  canCreate: boolean;
  onParamsChange: (params: CustomerListParams) => void;
}) {
  return (
    <>
      <PageHeader
        title="Customers"
        actions={
          canCreate ? (
            <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
              New customer
            </Button>
          ) : null
        }
      />
      <CustomerList params={params} onParamsChange={onParamsChange} />
    </>
  );
}
