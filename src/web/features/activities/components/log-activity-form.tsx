import { Alert, Button, Group, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useId } from 'react';
import {
  type ActivityKind,
  activityKindLabels,
  activityKinds,
  type CreateActivityInput,
} from '../../../../contracts/activities.ts';
import { useServerSubmit } from '../../../lib/use-server-submit.ts';
import { useCreateActivity } from '../api/create-activity.ts';
import type { TimelineSubject } from '../api/list-activities.ts';

const placeholders: Record<ActivityKind, string> = {
  note: 'Write a note…',
  call: 'What was said on the call?',
  email: 'What was the email about?',
  meeting: 'Who met, and what was agreed?',
};

/** Log a note, call, email or meeting on a lead's or customer's timeline. */
export function LogActivityForm({ subject }: { subject: TimelineSubject }) {
  const create = useCreateActivity(subject);
  const kindLabelId = useId();
  const form = useForm<CreateActivityInput>({
    initialValues: { kind: 'note', body: '' },
    validate: { body: (body) => (body.trim() ? null : 'Write something') },
  });
  const { onSubmit, failure, pending } = useServerSubmit(form, ['kind', 'body'], async (values) => {
    await create.mutateAsync({ kind: values.kind, body: values.body.trim() });
    form.setFieldValue('body', '');
    form.resetDirty();
    notifications.show({ color: 'green', message: `${activityKindLabels[values.kind]} logged.` });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log an activity">
      <Stack gap="xs">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <span id={kindLabelId} hidden>
          Activity kind
        </span>
        <SegmentedControl
          aria-labelledby={kindLabelId}
          data={activityKinds.map((kind) => ({ value: kind, label: activityKindLabels[kind] }))}
          value={form.values.kind}
          onChange={(kind) => form.setFieldValue('kind', kind as ActivityKind)}
          size="xs"
          w={{ base: '100%', xs: 'auto' }}
          style={{ alignSelf: 'flex-start' }}
        />
        <Textarea
          aria-label="Activity details"
          placeholder={placeholders[form.values.kind]}
          autosize
          minRows={2}
          maxRows={10}
          {...form.getInputProps('body')}
        />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={pending}>
            Log
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
