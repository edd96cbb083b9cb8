import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { Me } from '../../../contracts/users.ts';
import { PageHeader } from '../../components/page-header.tsx';
import type { PipelineParams } from '../../features/leads/api/get-pipeline.ts';
import { PipelineBoard } from '../../features/leads/components/pipeline-board.tsx';

/** The board fills the window below the header; its columns scroll on their own. */
export function PipelinePage({
  me,
  params,
  onParamsChange,
}: {
  me: Me;
  params: PipelineParams;
  onParamsChange: (params: PipelineParams) => void;
}) {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        height:
          'calc(100dvh - var(--app-shell-header-offset, 0rem) - 2 * var(--app-shell-padding))',
        minHeight: 480,
      }}
    >
      <PageHeader
        title="Pipeline"
        actions={
          me.can.createLeads ? (
            <Button component={Link} to="/leads/new" leftSection={<IconPlus size={16} />}>
              New lead
            </Button>
          ) : null
        }
      />
      <PipelineBoard
        params={params}
        onParamsChange={onParamsChange}
        showOwnerFilter={me.can.readAllLeads}
      />
    </div>
  );
}
