import { ActionIcon, Menu } from '@mantine/core';
import { IconArrowsExchange, IconDots, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import type { TeamMember } from '../../../../contracts/users.ts';

export interface MemberActionHandlers {
  onReassign: (member: TeamMember) => void;
  onDeactivate: (member: TeamMember) => void;
  onReactivate: (member: TeamMember) => void;
}

/** Reassigning leads is offered for a deactivated user or anyone who still owns open leads. */
export function offersReassign(member: TeamMember): boolean {
  return !member.active || (member.openLeads ?? 0) > 0;
}

/** The row's actions, only those the server allows (`can`); nothing at all when none apply. */
export function MemberMenu({
  member,
  onReassign,
  onDeactivate,
  onReactivate,
}: { member: TeamMember } & MemberActionHandlers) {
  const canToggle = member.can?.deactivate ?? false;
  if (!canToggle && !offersReassign(member)) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.name}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {offersReassign(member) ? (
          <Menu.Item
            leftSection={<IconArrowsExchange size={16} />}
            onClick={() => onReassign(member)}
          >
            Reassign open leads
          </Menu.Item>
        ) : null}
        {canToggle && member.active ? (
          <Menu.Item
            color="red"
            leftSection={<IconUserOff size={16} />}
            onClick={() => onDeactivate(member)}
          >
            Deactivate
          </Menu.Item>
        ) : null}
        {canToggle && !member.active ? (
          <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onReactivate(member)}>
            Reactivate
          </Menu.Item>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
