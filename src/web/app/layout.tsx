import {
  AppShell,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChartBar,
  IconChevronDown,
  IconGauge,
  IconLayoutKanban,
  IconLogout,
  IconSettings,
  IconShieldCheck,
  IconTargetArrow,
  IconUserCircle,
  IconUserCog,
  IconUsers,
} from '@tabler/icons-react';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { type Me, roleLabels } from '../../contracts/users.ts';
import { ColorSchemeToggle } from '../components/color-scheme-toggle.tsx';
import { Logo } from '../components/logo.tsx';
import { UserAvatar } from '../components/user-avatar.tsx';
import { useSignOut } from '../features/auth/api/sign-out.ts';

interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  visible: (me: Me) => boolean;
}

/** Only features that work, and that this user may use, appear here. */
const navItems: NavItem[] = [
  {
    to: '/dashboard',
    label: 'My dashboard',
    icon: IconGauge,
    visible: (me) => me.can.viewOwnAnalytics,
  },
  {
    to: '/dashboard/team',
    label: 'Team dashboard',
    icon: IconChartBar,
    visible: (me) => me.can.viewTeamAnalytics,
  },
  { to: '/pipeline', label: 'Pipeline', icon: IconLayoutKanban, visible: () => true },
  { to: '/leads', label: 'Leads', icon: IconTargetArrow, visible: () => true },
  { to: '/customers', label: 'Customers', icon: IconUsers, visible: () => true },
  { to: '/users', label: 'Users', icon: IconUserCog, visible: (me) => me.can.manageUsers },
  {
    to: '/audit',
    label: 'Audit log',
    icon: IconShieldCheck,
    visible: (me) => me.can.viewAuditLog,
  },
  {
    to: '/settings',
    label: 'Settings',
    icon: IconSettings,
    visible: (me) => me.can.manageSettings,
  },
];

function UserMenu({ me }: { me: Me }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${me.name}`} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <UserAvatar user={me} size={32} />
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {roleLabels[me.role]}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {me.email}
          </Text>
          <Badge size="xs" variant="light" mt={6}>
            {roleLabels[me.role]}
          </Badge>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} />}>
          Your profile
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() =>
            signOut.mutate(undefined, {
              onSettled: () => navigate({ to: '/sign-in', search: {} }),
            })
          }
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function AppLayout({ me }: { me: Me }) {
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const visibleItems = navItems.filter((item) => item.visible(me));
  // The longest matching entry: /dashboard/team is the team dashboard, not also "My dashboard".
  const activeItem = visibleItems
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <UnstyledButton component={Link} to="/" aria-label="Leadline home">
              <Group gap={8} wrap="nowrap">
                <Logo size={28} />
                <Text fw={700} fz="lg">
                  Leadline
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ColorSchemeToggle />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <Stack gap={4}>
          {visibleItems.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={18} stroke={1.7} />}
              active={item.to === activeItem}
              // The link's own match is fuzzy (/dashboard would light up on /dashboard/team too):
              // `activeItem` decides, and aria-current follows the exact page only.
              activeOptions={{ exact: true }}
              onClick={close}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* The pipeline board's five columns use the full width; other pages read better narrow. */}
        <div style={{ maxWidth: pathname === '/pipeline' ? undefined : 1200, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
