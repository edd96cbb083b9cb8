import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/page-header.tsx';
import type { AuditLogParams } from '../../features/audit/api/list-audit-events.ts';
import { AuditLog } from '../../features/audit/components/audit-log.tsx';

/** Admins browse and filter the audit log. */
export function AuditPage({
  params,
  onParamsChange,
}: {
  params: AuditLogParams;
  onParamsChange: (params: AuditLogParams) => void;
}) {
  return (
    <Stack gap="md">
      <PageHeader title="Audit log" />
      <AuditLog params={params} onParamsChange={onParamsChange} />
    </Stack>
  );
}
