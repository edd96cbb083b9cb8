import { PageHeader } from '../../components/page-header.tsx';

/** Admins browse and filter the audit log. (Filled in by the audit work of issue 5.) */
export function AuditPage() {
  return <PageHeader title="Audit log" />;
}
