import { Stack } from '@mantine/core';
import type { Me } from '../../../contracts/users.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ProfileCard } from '../../features/account/components/profile-card.tsx';
import { SecurityCard } from '../../features/account/components/security-card.tsx';

/** The signed-in user's own page: who they are, their picture, password and sessions. */
export function ProfilePage({ me }: { me: Me }) {
  return (
    <>
      <PageHeader title="Your profile" />
      <Stack maw={760} gap="lg">
        <ProfileCard me={me} />
        <SecurityCard />
      </Stack>
    </>
  );
}
