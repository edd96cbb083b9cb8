import { Card, Divider, Stack, Title } from '@mantine/core';
import { ChangePasswordForm } from './change-password-form.tsx';
import { SessionList } from './session-list.tsx';

/** Password change and the signed-in sessions, on the profile page. */
export function SecurityCard() {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="security-title">
      <Stack gap="lg">
        <Title order={2} fz="h4" id="security-title">
          Security
        </Title>
        <ChangePasswordForm />
        <Divider />
        <SessionList />
      </Stack>
    </Card>
  );
}
