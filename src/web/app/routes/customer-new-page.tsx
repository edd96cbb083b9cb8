import { Card } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useCreateCustomer } from '../../features/customers/api/create-customer.ts';
import { CustomerForm } from '../../features/customers/components/customer-form.tsx';

export function CustomerNewPage() {
  const navigate = useNavigate();
  const create = useCreateCustomer();
  return (
    <>
      <PageHeader title="New customer" crumbs={[{ label: 'Customers', to: '/customers' }]} />
      <Card withBorder radius="md" padding="lg" maw={860}>
        <CustomerForm
          submitLabel="Create customer"
          onCancel={() => navigate({ to: '/customers' })}
          onSubmit={async (values) => {
            const customer = await create.mutateAsync(values);
            notifications.show({
              color: 'green',
              message: `${customer.firstName} ${customer.lastName} was added.`,
            });
            await navigate({ to: '/customers/$customerId', params: { customerId: customer.id } });
          }}
        />
      </Card>
    </>
  );
}
