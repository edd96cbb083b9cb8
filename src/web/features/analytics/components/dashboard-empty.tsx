import { Button, Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChartDots3 } from '@tabler/icons-react';

/** No leads in the range: one friendly card instead of five empty charts. */
export function DashboardEmpty({
  allTime,
  onShowAllTime,
}: {
  /** Already all time: widening will not help. */
  allTime: boolean;
  onShowAllTime: () => void;
}) {
  return (
    <Card withBorder radius="md" py={56} px="md">
      <Stack align="center" gap="sm">
        <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
          <IconChartDots3 size={32} stroke={1.6} />
        </ThemeIcon>
        <Title order={2} fz="h4" ta="center">
          {allTime ? 'No leads yet' : 'No leads created in this range'}
        </Title>
        <Text c="dimmed" size="sm" ta="center" maw={400}>
          {allTime
            ? 'The figures and charts appear here as soon as leads are created.'
            : 'Leads are counted by the day they were created. Try a wider range, such as this year or all time.'}
        </Text>
        {allTime ? null : (
          <Button variant="light" onClick={onShowAllTime}>
            Show all time
          </Button>
        )}
      </Stack>
    </Card>
  );
}
