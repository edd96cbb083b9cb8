import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../../contracts/account.ts';
import { useServerSubmit } from '../../../lib/use-server-submit.ts';
import { useChangePassword } from '../api/change-password.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const serverFields = ['currentPassword', 'newPassword'] as const;
const empty: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const change = useChangePassword();
  const form = useForm<Values>({
    initialValues: empty,
    validate: {
      currentPassword: (value) => (value ? null : 'Current password is required'),
      newPassword: (value) =>
        value.length < PASSWORD_MIN
          ? `Must be at least ${PASSWORD_MIN} characters`
          : value.length > PASSWORD_MAX
            ? `Must be at most ${PASSWORD_MAX} characters`
            : null,
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : 'Does not match the new password',
    },
  });
  const { onSubmit, failure, pending } = useServerSubmit(form, serverFields, async (values) => {
    await change.mutateAsync({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    form.setValues(empty);
    form.resetDirty(empty);
    notifications.show({
      color: 'green',
      title: 'Password changed',
      message: 'Your other sessions were signed out. This browser stays signed in.',
    });
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="change-password-title">
      <Stack gap="sm">
        <div>
          <Title order={3} fz="h5" id="change-password-title">
            Change password
          </Title>
          <Text size="sm" c="dimmed">
            Changing it signs you out everywhere else.
          </Text>
        </div>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          withAsterisk
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.`}
          autoComplete="new-password"
          withAsterisk
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          withAsterisk
          {...form.getInputProps('confirmPassword')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
