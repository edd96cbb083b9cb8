import { Button, Stack } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { ActivityTimeline } from '../../features/activities/components/activity-timeline.tsx';
import { useDeleteCustomer } from '../../features/customers/api/delete-customer.ts';
import { customerQueryOptions } from '../../features/customers/api/get-customer.ts';
import { CustomerDetail } from '../../features/customers/components/customer-detail.tsx';
import { errorMessage } from '../../lib/api-client.ts';

export function CustomerPage({ customerId }: { customerId: string }) {
  const navigate = useNavigate();
  const { data: customer } = useSuspenseQuery(customerQueryOptions(customerId));
  const remove = useDeleteCustomer();
  const name = `${customer.firstName} ${customer.lastName}`;

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete ${name}?`,
      children: 'The customer and their details are removed for everyone. This cannot be undone.',
      labels: { confirm: 'Delete customer', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(customer.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: `${name} was deleted.` });
            void navigate({ to: '/customers' });
          },
          onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
        }),
    });

  return (
    <>
      <PageHeader
        title={name}
        crumbs={[{ label: 'Customers', to: '/customers' }]}
        actions={
          <>
            {customer.can.edit ? (
              <Button
                component={Link}
                to={`/customers/${customer.id}/edit`}
                variant="default"
                leftSection={<IconPencil size={16} />}
              >
                Edit
              </Button>
            ) : null}
            {customer.can.delete ? (
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} />}
                onClick={confirmDelete}
                loading={remove.isPending}
              >
                Delete
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <CustomerDetail customer={customer} />
        <ActivityTimeline
          subject={{ type: 'customers', id: customer.id }}
          canAddActivity={customer.can.addActivity}
        />
      </Stack>
    </>
  );
}
