import { Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { Customer } from '../../../../contracts/customers.ts';
import { Field } from '../../../components/field.tsx';
import { UserAvatar } from '../../../components/user-avatar.tsx';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatAddress(customer: Customer): string {
  const cityLine = [customer.city, customer.state, customer.zipcode].filter(Boolean).join(', ');
  return [customer.address, cityLine, customer.country].filter(Boolean).join('\n');
}

export function CustomerDetail({ customer }: { customer: Customer }) {
  const address = formatAddress(customer);
  return (
    <Stack gap="md">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md" padding="lg" h="100%">
            <Stack gap="md">
              <Title order={2} fz="h4">
                Contact
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Field label="Email">
                  {customer.email ? (
                    <Anchor href={`mailto:${customer.email}`} size="sm">
                      {customer.email}
                    </Anchor>
                  ) : null}
                </Field>
                <Field label="Phone">
                  {customer.phone ? (
                    <Anchor href={`tel:${customer.phone}`} size="sm">
                      {customer.phone}
                    </Anchor>
                  ) : null}
                </Field>
                <Field label="Company">{customer.company}</Field>
                <Field label="Address">
                  {address ? <span style={{ whiteSpace: 'pre-line' }}>{address}</span> : null}
                </Field>
              </SimpleGrid>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder radius="md" padding="lg" h="100%">
            <Stack gap="md">
              <Title order={2} fz="h4">
                Details
              </Title>
              {customer.lead ? (
                <Group gap={6} wrap="nowrap" align="flex-start" data-testid="converted-from-lead">
                  <IconArrowBackUp size={16} style={{ marginTop: 2, flexShrink: 0 }} aria-hidden />
                  <Text size="sm">
                    Converted from lead{' '}
                    <Anchor component={Link} to={`/leads/${customer.lead.id}`} size="sm" fw={600}>
                      {customer.lead.name}
                    </Anchor>
                  </Text>
                </Group>
              ) : null}
              <Field label="Owner">
                {customer.owner ? (
                  <Group gap="xs" component="span">
                    <UserAvatar user={customer.owner} size={22} />
                    {customer.owner.name}
                  </Group>
                ) : (
                  <Badge variant="light" color="gray">
                    Unassigned
                  </Badge>
                )}
              </Field>
              <Field label="Created">{dateTime.format(new Date(customer.createdAt))}</Field>
              <Field label="Last updated">{dateTime.format(new Date(customer.updatedAt))}</Field>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
