import { Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSuspenseQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-client.ts';
import { settingsQueryOptions } from '../api/get-settings.ts';
import { useUpdateSettings } from '../api/update-settings.ts';

export function SignupSetting() {
  const { data: settings } = useSuspenseQuery(settingsQueryOptions);
  const update = useUpdateSettings();

  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Accounts
        </Title>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={500} id="signup-label">
              Allow self sign-up
            </Text>
            <Text size="sm" c="dimmed" maw={520}>
              Anyone who can reach this server may create an account. New accounts get the Sales
              role and see only the records assigned to them.
            </Text>
            {settings.allowSignupFromEnv ? (
              <Text size="sm" c="orange" mt={4}>
                Sign-up is switched on by ALLOW_SIGNUP=true in the server’s environment.
              </Text>
            ) : null}
          </div>
          <Switch
            aria-labelledby="signup-label"
            size="md"
            checked={settings.allowSignup}
            disabled={settings.allowSignupFromEnv || update.isPending}
            onChange={(event) =>
              update.mutate(
                { allowSignup: event.currentTarget.checked },
                {
                  onSuccess: (next) =>
                    notifications.show({
                      color: 'green',
                      message: next.allowSignup ? 'Self sign-up is on.' : 'Self sign-up is off.',
                    }),
                  onError: (error) =>
                    notifications.show({ color: 'red', message: errorMessage(error) }),
                },
              )
            }
          />
        </Group>
      </Stack>
    </Card>
  );
}
