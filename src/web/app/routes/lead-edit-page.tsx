import { Card } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { UpdateLeadInput } from '../../../contracts/leads.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { leadQueryOptions } from '../../features/leads/api/get-lead.ts';
import { useUpdateLead } from '../../features/leads/api/update-lead.ts';
import { LeadForm, leadToFields } from '../../features/leads/components/lead-form.tsx';
import { fullName } from '../../features/leads/components/lead-format.ts';

export function LeadEditPage({ leadId }: { leadId: string }) {
  const navigate = useNavigate();
  const { data: lead } = useSuspenseQuery(leadQueryOptions(leadId));
  const update = useUpdateLead(leadId);
  const initialValues = leadToFields(lead);
  const name = fullName(lead);
  const toDetail = () => navigate({ to: '/leads/$leadId', params: { leadId } });

  return (
    <>
      <PageHeader
        title={`Edit ${name}`}
        crumbs={[
          { label: 'Leads', to: '/leads' },
          { label: name, to: `/leads/${leadId}` },
        ]}
      />
      <Card withBorder radius="md" padding="lg" maw={860}>
        <LeadForm
          initialValues={initialValues}
          showOwner={lead.can.assign}
          currentOwner={lead.owner}
          submitLabel="Save changes"
          onCancel={toDetail}
          onSubmit={async (values) => {
            // Only what changed: an unchanged owner is not a reassignment, nor a refusal for it.
            const changed = Object.fromEntries(
              Object.entries(values).filter(
                ([field, value]) => initialValues[field as keyof typeof initialValues] !== value,
              ),
            ) as UpdateLeadInput;
            if (Object.keys(changed).length > 0) await update.mutateAsync(changed);
            notifications.show({ color: 'green', message: 'Changes saved.' });
            await toDetail();
          }}
        />
      </Card>
    </>
  );
}
