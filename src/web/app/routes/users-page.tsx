import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { PageHeader } from '../../components/page-header.tsx';
import { NewUserModal } from '../../features/users/components/new-user-modal.tsx';
import { TeamAdmin } from '../../features/users/components/team-admin.tsx';

/** Team administration (admins): the route guard lets only `me.can.manageUsers` in. */
export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const [newUserOpened, newUser] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Users"
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={newUser.open}>
            New user
          </Button>
        }
      />
      <TeamAdmin currentUserId={currentUserId} />
      <NewUserModal opened={newUserOpened} onClose={newUser.close} />
    </>
  );
}
