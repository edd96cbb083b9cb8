import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconDeviceDesktop,
  IconDeviceMobile,
  IconDevices,
  IconDeviceTablet,
  IconLogout,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { AccountSession, DeviceKind } from '../../../../contracts/account.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { absoluteTime, relativeTime } from '../../../lib/relative-time.ts';
import { sessionsQueryOptions } from '../api/list-sessions.ts';
import { useRevokeOtherSessions } from '../api/revoke-other-sessions.ts';
import { useRevokeSession } from '../api/revoke-session.ts';

const deviceIcons: Record<DeviceKind, typeof IconDevices> = {
  desktop: IconDeviceDesktop,
  mobile: IconDeviceMobile,
  tablet: IconDeviceTablet,
  unknown: IconDevices,
};

/** "Chrome on macOS", "Safari", "iOS", or "Unknown device". */
export function sessionLabel(session: Pick<AccountSession, 'browser' | 'os'>): string {
  if (session.browser && session.os) return `${session.browser} on ${session.os}`;
  return session.browser ?? session.os ?? 'Unknown device';
}

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={absoluteTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

function SessionRow({ session }: { session: AccountSession }) {
  const revoke = useRevokeSession();
  const Icon = deviceIcons[session.device];
  const label = sessionLabel(session);
  return (
    <Paper withBorder radius="md" p="sm" aria-label={label} data-testid="session-row">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" color={session.current ? 'blue' : 'gray'} size={38} radius="md">
          <Icon size={22} stroke={1.6} aria-hidden />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {label}
            </Text>
            {session.current ? (
              <Badge size="sm" variant="light" color="blue">
                This device
              </Badge>
            ) : null}
          </Group>
          {session.ipAddress ? (
            <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {session.ipAddress}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            Signed in <When iso={session.createdAt} /> ·{' '}
            {session.current ? (
              'active now'
            ) : (
              <>
                last seen <When iso={session.lastSeenAt} />
              </>
            )}
          </Text>
        </Stack>
        {session.current ? null : (
          <Button
            variant="default"
            size="xs"
            loading={revoke.isPending}
            aria-label={`Sign out ${label}`}
            onClick={() =>
              revoke.mutate(session.id, {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: `${label} was signed out.` }),
                onError: (error) =>
                  notifications.show({ color: 'red', message: errorMessage(error) }),
              })
            }
          >
            Sign out
          </Button>
        )}
      </Group>
    </Paper>
  );
}

export function SessionList() {
  const sessions = useQuery(sessionsQueryOptions);
  const revokeOthers = useRevokeOtherSessions();
  const others = sessions.data?.data.filter((session) => !session.current).length ?? 0;

  const confirmRevokeOthers = () =>
    modals.openConfirmModal({
      title: 'Sign out of all other sessions?',
      children: (
        <Text size="sm">
          Every other browser and device signed in to your account is signed out at once. This one
          stays signed in.
        </Text>
      ),
      labels: { confirm: 'Sign out others', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revokeOthers.mutate(undefined, {
          onSuccess: ({ ended }) =>
            notifications.show({
              color: 'green',
              message:
                ended === 1
                  ? 'Signed out of 1 other session.'
                  : `Signed out of ${ended} other sessions.`,
            }),
          onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
        }),
    });

  return (
    <Stack gap="sm" component="section" aria-labelledby="sessions-title">
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={3} fz="h5" id="sessions-title">
            Active sessions
          </Title>
          <Text size="sm" c="dimmed">
            Browsers and devices signed in to your account.
          </Text>
        </div>
        <Button
          variant="light"
          color="red"
          size="xs"
          leftSection={<IconLogout size={16} aria-hidden />}
          disabled={others === 0}
          loading={revokeOthers.isPending}
          onClick={confirmRevokeOthers}
        >
          Sign out of all other sessions
        </Button>
      </Group>
      {sessions.isPending ? (
        <Group justify="center" py="md">
          <Loader size="sm" />
        </Group>
      ) : sessions.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(sessions.error)}
        </Alert>
      ) : (
        <Stack gap="xs">
          {sessions.data.data.map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
