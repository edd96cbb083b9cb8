import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TeamMember } from '../../../../contracts/users.ts';
import { UserAvatar } from '../../../components/user-avatar.tsx';
import { type MemberActionHandlers, MemberMenu } from './member-menu.tsx';
import { MemberRole } from './member-role.tsx';

const signInDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const signInMoment = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

function LastSignIn({ member }: { member: TeamMember }) {
  if (!member.lastLoginAt) return <>Never</>;
  const at = new Date(member.lastLoginAt);
  return (
    <time dateTime={member.lastLoginAt} title={signInMoment.format(at)}>
      {signInDay.format(at)}
    </time>
  );
}

function StatusBadge({ active }: { active: boolean }) {
  return active ? (
    <Badge color="green" variant="light">
      Active
    </Badge>
  ) : (
    <Badge color="gray" variant="outline">
      Deactivated
    </Badge>
  );
}

function MemberName({
  member,
  isYou,
  withEmail = false,
}: {
  member: TeamMember;
  isYou: boolean;
  withEmail?: boolean;
}) {
  return (
    <Group gap="sm" wrap="nowrap" align={withEmail ? 'flex-start' : 'center'}>
      <UserAvatar user={member} size={withEmail ? 40 : 32} />
      <Stack gap={2} miw={0}>
        <Group gap={6} wrap="wrap">
          <Text
            size="sm"
            fw={600}
            c={member.active ? undefined : 'dimmed'}
            style={{ overflowWrap: 'anywhere' }}
          >
            {member.name}
          </Text>
          {isYou ? (
            <Badge size="xs" variant="filled" color="blue">
              You
            </Badge>
          ) : null}
        </Group>
        {withEmail ? (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {member.email}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}

interface TeamListProps extends MemberActionHandlers {
  team: TeamMember[];
  currentUserId: string;
}

/** The team as a table on wide screens and as cards on phones; actions come from `can`. */
export function TeamList({ team, currentUserId, ...actions }: TeamListProps) {
  return (
    <>
      <Card withBorder radius="md" p={0} visibleFrom="lg">
        <Table.ScrollContainer minWidth={920} type="native">
          {/* Fixed layout: name and email share what the fixed columns leave, and wrap. */}
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th w={150}>Role</Table.Th>
                <Table.Th w={150}>Status</Table.Th>
                <Table.Th w={132}>Last sign-in</Table.Th>
                <Table.Th w={120} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  Open leads
                </Table.Th>
                <Table.Th w={60}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.map((member) => (
                <Table.Tr key={member.id} data-testid={`user-row-${member.email}`}>
                  <Table.Td>
                    <MemberName member={member} isYou={member.id === currentUserId} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {member.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <MemberRole member={member} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge active={member.active} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      <LastSignIn member={member} />
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={(member.openLeads ?? 0) > 0 ? 600 : undefined}>
                      {member.openLeads ?? 0}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <MemberMenu member={member} {...actions} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" hiddenFrom="lg">
        {team.map((member) => (
          <Card key={member.id} withBorder radius="md" padding="sm">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <MemberName member={member} isYou={member.id === currentUserId} withEmail />
                <MemberMenu member={member} {...actions} />
              </Group>
              <Group gap="xs" justify="space-between">
                <MemberRole member={member} />
                <StatusBadge active={member.active} />
              </Group>
              <Text size="xs" c="dimmed">
                Last sign-in: <LastSignIn member={member} /> · Open leads: {member.openLeads ?? 0}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
