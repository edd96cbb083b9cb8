import { Stack, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TeamMember } from '../../../../contracts/users.ts';
import { teamQueryOptions } from '../api/list-team.ts';
import { ReassignLeadsModal } from './reassign-leads-modal.tsx';
import { TeamList } from './team-list.tsx';
import { useMemberStatus } from './use-member-status.tsx';

/** The Users page's body: the team, its row actions, and the reassign-leads dialog. */
export function TeamAdmin({ currentUserId }: { currentUserId: string }) {
  const { data } = useSuspenseQuery(teamQueryOptions);
  // Kept after closing so the dialog's content does not vanish during its exit transition.
  const [reassignFrom, setReassignFrom] = useState<TeamMember | null>(null);
  const [reassignOpened, setReassignOpened] = useState(false);
  const openReassign = (member: TeamMember) => {
    setReassignFrom(member);
    setReassignOpened(true);
  };
  const status = useMemberStatus(openReassign);
  const active = data.data.filter((member) => member.active).length;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {data.total === 1 ? '1 user' : `${data.total} users`} · {active} active
      </Text>
      <TeamList
        team={data.data}
        currentUserId={currentUserId}
        onReassign={openReassign}
        onDeactivate={status.deactivate}
        onReactivate={status.reactivate}
      />
      <ReassignLeadsModal
        opened={reassignOpened}
        from={reassignFrom}
        team={data.data}
        onClose={() => setReassignOpened(false)}
      />
    </Stack>
  );
}
