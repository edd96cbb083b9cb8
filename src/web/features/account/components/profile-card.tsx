import { Alert, Button, Card, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Me, roleLabels } from '../../../../contracts/users.ts';
import { Field } from '../../../components/field.tsx';
import { useServerSubmit } from '../../../lib/use-server-submit.ts';
import { type ProfileChanges, useUpdateProfile } from '../api/update-profile.ts';
import { PictureEditor } from './picture-editor.tsx';

const fields = ['name', 'title', 'phone'] as const;

function ProfileForm({ me }: { me: Me }) {
  const update = useUpdateProfile();
  const form = useForm<ProfileChanges>({
    initialValues: { name: me.name, title: me.title ?? '', phone: me.phone ?? '' },
  });
  const { onSubmit, failure, pending } = useServerSubmit(form, fields, async (values) => {
    const saved = await update.mutateAsync(values);
    form.setValues({ name: saved.name, title: saved.title ?? '', phone: saved.phone ?? '' });
    form.resetDirty();
    notifications.show({ color: 'green', message: 'Your profile was saved.' });
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Your details">
      <Stack gap="sm">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput label="Name" autoComplete="name" withAsterisk {...form.getInputProps('name')} />
        <TextInput
          label="Job title"
          autoComplete="organization-title"
          {...form.getInputProps('title')}
        />
        <TextInput label="Phone" type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        <Group gap="xl" mt={4} align="flex-start">
          <Field label="Email">{me.email}</Field>
          <Field label="Role">{roleLabels[me.role]}</Field>
        </Group>
        <Text size="xs" c="dimmed">
          Only an admin can change your email address or role.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={pending} disabled={!form.isDirty()}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Name, job title, phone and picture: what the user changes about themselves. */
export function ProfileCard({ me }: { me: Me }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="profile-title">
      <Title order={2} fz="lg" fw={600} id="profile-title" mb="md">
        Profile
      </Title>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <PictureEditor me={me} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <ProfileForm me={me} />
        </Grid.Col>
      </Grid>
    </Card>
  );
}
