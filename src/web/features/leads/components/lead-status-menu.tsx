import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowRight, IconChevronDown, IconX } from '@tabler/icons-react';
import { type Lead, type LeadStatus, leadStatusLabels } from '../../../../contracts/leads.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { useUpdateLead } from '../api/update-lead.ts';
import { fullName } from './lead-format.ts';
import { LostReasonModal } from './lost-reason-modal.tsx';

/**
 * The statuses the server says this lead may move to (`nextStatuses`), and nothing else.
 * Lost asks for a reason first; leaving Lost is a reopening, offered only with `can.reopen`.
 */
export function LeadStatusMenu({ lead }: { lead: Lead }) {
  const update = useUpdateLead(lead.id);
  const [lostOpened, lost] = useDisclosure(false);
  const reopening = lead.status === 'lost';
  // An edit never converts (that is the Convert button) and never "moves" to where it is.
  const offered = lead.nextStatuses.filter(
    (status) => status !== lead.status && status !== 'converted',
  );
  const targets = reopening && !lead.can.reopen ? [] : offered;
  if (targets.length === 0) return null;

  const move = (status: LeadStatus) =>
    update.mutate(
      { status },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: `${fullName(lead)} is now ${leadStatusLabels[status]}.`,
          }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );

  return (
    <>
      <Menu position="bottom-end" withinPortal width={220}>
        <Menu.Target>
          <Button
            variant="default"
            rightSection={<IconChevronDown size={16} />}
            loading={update.isPending}
          >
            {reopening ? 'Reopen' : 'Change status'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {targets
            .filter((status) => status !== 'lost')
            .map((status) => (
              <Menu.Item
                key={status}
                leftSection={
                  reopening ? <IconArrowBackUp size={16} /> : <IconArrowRight size={16} />
                }
                onClick={() => move(status)}
              >
                {reopening
                  ? `Reopen as ${leadStatusLabels[status]}`
                  : `Move to ${leadStatusLabels[status]}`}
              </Menu.Item>
            ))}
          {targets.includes('lost') ? (
            <>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconX size={16} />} onClick={lost.open}>
                Mark as lost…
              </Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <LostReasonModal lead={lead} opened={lostOpened} onClose={lost.close} />
    </>
  );
}
