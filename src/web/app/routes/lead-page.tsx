import { Stack } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { ActivityTimeline } from '../../features/activities/components/activity-timeline.tsx';
import { leadQueryOptions } from '../../features/leads/api/get-lead.ts';
import { LeadDetail } from '../../features/leads/components/lead-detail.tsx';
import { LeadHeader } from '../../features/leads/components/lead-header.tsx';
import { LeadStatusStepper } from '../../features/leads/components/lead-status-stepper.tsx';

export function LeadPage({ leadId }: { leadId: string }) {
  const { data: lead } = useSuspenseQuery(leadQueryOptions(leadId));
  return (
    <>
      <LeadHeader lead={lead} />
      <Stack gap="md">
        <LeadStatusStepper lead={lead} />
        <LeadDetail lead={lead} />
        <ActivityTimeline
          subject={{ type: 'leads', id: lead.id }}
          canAddActivity={lead.can.addActivity}
        />
      </Stack>
    </>
  );
}
