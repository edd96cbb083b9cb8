import type { Me } from '../../../contracts/users.ts';
import { PageHeader } from '../../components/page-header.tsx';

export interface PipelineParams {
  q?: string | undefined;
  ownerId?: string | undefined;
  source?: string | undefined;
}

export function PipelinePage(_props: {
  me: Me;
  params: PipelineParams;
  onParamsChange: (params: PipelineParams) => void;
}) {
  return <PageHeader title="Pipeline" />;
}
