import type { Me } from '../../../contracts/users.ts';
import { PageHeader } from '../../components/page-header.tsx';

export interface DashboardParams {
  range?: 'month' | '30d' | 'quarter' | 'year' | 'all' | 'custom' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function MyDashboardPage(_props: {
  me: Me;
  params: DashboardParams;
  onParamsChange: (params: DashboardParams) => void;
}) {
  return <PageHeader title="My dashboard" />;
}
