import { Card } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { customerQueryOptions } from '../../features/customers/api/get-customer.ts';
import { useUpdateCustomer } from '../../features/customers/api/update-customer.ts';
import {
  type CustomerFields,
  CustomerForm,
  emptyCustomer,
} from '../../features/customers/components/customer-form.tsx';

export function CustomerEditPage({ customerId }: { customerId: string }) {
  const navigate = useNavigate();
  const { data: customer } = useSuspenseQuery(customerQueryOptions(customerId));
  const update = useUpdateCustomer(customerId);
  const initialValues = Object.fromEntries(
    Object.keys(emptyCustomer).map((field) => [field, customer[field as keyof CustomerFields]]),
  ) as CustomerFields;
  const toDetail = () => navigate({ to: '/customers/$customerId', params: { customerId } });

  return (
    <>
      <PageHeader
        title={`Edit ${customer.firstName} ${customer.lastName}`}
        crumbs={[
          { label: 'Customers', to: '/customers' },
          { label: `${customer.firstName} ${customer.lastName}`, to: `/customers/${customerId}` },
        ]}
      />
      <Card withBorder radius="md" padding="lg" maw={860}>
        <CustomerForm
          initialValues={initialValues}
          submitLabel="Save changes"
          onCancel={toDetail}
          onSubmit={async (values) => {
            const changed = Object.fromEntries(
              Object.entries(values).filter(
                ([field, value]) => initialValues[field as keyof CustomerFields] !== value,
              ),
            );
            if (Object.keys(changed).length > 0) await update.mutateAsync(changed);
            notifications.show({ color: 'green', message: 'Changes saved.' });
            await toDetail();
          }}
        />
      </Card>
    </>
  );
}
