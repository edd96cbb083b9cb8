import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <Stack align="center" py={64} gap="sm">
      <Title order={1} fz="h2">
        Not found
      </Title>
      <Text c="dimmed">This {what} does not exist, or you do not have access to it.</Text>
      <Button component={Link} to="/customers" variant="light">
        Go to customers
      </Button>
    </Stack>
  );
}
