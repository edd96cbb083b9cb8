import { PageHeader } from '../../components/page-header.tsx';
import type { DashboardParams } from './my-dashboard-page.tsx';

export function TeamDashboardPage(_props: {
  params: DashboardParams & { ownerId?: string | undefined };
  onParamsChange: (params: DashboardParams & { ownerId?: string | undefined }) => void;
}) {
  return <PageHeader title="Team dashboard" />;
}
