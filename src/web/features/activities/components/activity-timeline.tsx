import {
  Card,
  Center,
  Divider,
  Loader,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { LoadMore } from '../../../components/load-more.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { type TimelineSubject, timelineQueryOptions } from '../api/list-activities.ts';
import { LogActivityForm } from './log-activity-form.tsx';
import { ActivityEntry, EventEntry, entryIcon } from './timeline-entry.tsx';

/**
 * A lead's or customer's history, newest first: what people logged and what the server
 * recorded (creation, changes, status, owner, conversion), with the log form on top.
 */
export function ActivityTimeline({
  subject,
  canAddActivity,
}: {
  subject: TimelineSubject;
  canAddActivity: boolean;
}) {
  const query = useInfiniteQuery(timelineQueryOptions(subject));
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];
  const titleId = useId();

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={2} fz="h4" id={titleId}>
          Activity
        </Title>
        {canAddActivity ? (
          <>
            <LogActivityForm subject={subject} />
            <Divider />
          </>
        ) : null}
        {query.isPending ? (
          <Center py="md">
            <Loader size="sm" aria-label="Loading activity" />
          </Center>
        ) : query.isError ? (
          <Text c="red" size="sm" role="alert">
            {errorMessage(query.error)}
          </Text>
        ) : items.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nothing has happened here yet.
          </Text>
        ) : (
          <Timeline bulletSize={28} lineWidth={2} data-testid="timeline">
            {items.map((item) => {
              const Icon = entryIcon(item);
              return (
                <Timeline.Item
                  key={`${item.type}-${item.id}`}
                  bullet={
                    <ThemeIcon
                      size={28}
                      radius="xl"
                      variant="light"
                      color={item.type === 'activity' ? 'blue' : 'gray'}
                    >
                      <Icon size={15} stroke={1.8} />
                    </ThemeIcon>
                  }
                >
                  {item.type === 'activity' ? (
                    <ActivityEntry item={item} />
                  ) : (
                    <EventEntry item={item} />
                  )}
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
        <LoadMore query={query} size="xs" />
      </Stack>
    </Card>
  );
}
