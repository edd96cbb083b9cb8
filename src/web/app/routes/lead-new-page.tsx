import { Card } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import type { Me } from '../../../contracts/users.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCreateLead } from '../../features/leads/api/create-lead.ts';
import { emptyLead, LeadForm } from '../../features/leads/components/lead-form.tsx';

export function LeadNewPage({ me }: { me: Me }) {
  const navigate = useNavigate();
  const create = useCreateLead();
  return (
    <>
      <PageHeader title="New lead" crumbs={[{ label: 'Leads', to: '/leads' }]} />
      <Card withBorder radius="md" padding="lg" maw={860}>
        <LeadForm
          initialValues={emptyLead(me.id)}
          showOwner={me.can.assignLeads}
          currentOwner={{ id: me.id, name: me.name, avatarUrl: me.avatarUrl }}
          submitLabel="Create lead"
          onCancel={() => navigate({ to: '/leads' })}
          onSubmit={async ({ ownerId, ...values }) => {
            // Without the picker the server decides (a sales user's lead is always their own).
            const lead = await create.mutateAsync(
              me.can.assignLeads ? { ...values, ownerId } : values,
            );
            notifications.show({
              color: 'green',
              message: `${lead.firstName} ${lead.lastName} was added.`,
            });
            await navigate({ to: '/leads/$leadId', params: { leadId: lead.id } });
          }}
        />
      </Card>
    </>
  );
}
