import { ActionIcon, Menu } from '@mantine/core';
import {
  IconArrowRight,
  IconCircleCheck,
  IconDots,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { Lead } from '../../../../contracts/leads.ts';
import { fullName } from './lead-format.ts';

/** Open, and whatever `can` allows on this lead: edit, convert, delete. */
export function LeadRowMenu({
  lead,
  onConvert,
  onDelete,
}: {
  lead: Lead;
  onConvert: (lead: Lead) => void;
  onDelete: (lead: Lead) => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal width={180}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${fullName(lead)}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component={Link}
          to={`/leads/${lead.id}`}
          leftSection={<IconArrowRight size={16} />}
        >
          Open
        </Menu.Item>
        {lead.can.edit ? (
          <Menu.Item
            component={Link}
            to={`/leads/${lead.id}/edit`}
            leftSection={<IconPencil size={16} />}
          >
            Edit
          </Menu.Item>
        ) : null}
        {lead.can.convert ? (
          <Menu.Item leftSection={<IconCircleCheck size={16} />} onClick={() => onConvert(lead)}>
            Convert…
          </Menu.Item>
        ) : null}
        {lead.can.delete ? (
          <>
            <Menu.Divider />
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => onDelete(lead)}
            >
              Delete…
            </Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
