import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type CreateUserInput, type Role, roleLabels } from '../../../../contracts/users.ts';
import { useServerSubmit } from '../../../lib/use-server-submit.ts';
import { useCreateUser } from '../api/create-user.ts';
import { roleOptions } from './role-options.ts';

const fields = ['name', 'email', 'role', 'password'] as const;

function NewUserForm({ onDone }: { onDone: () => void }) {
  const create = useCreateUser();
  const form = useForm<CreateUserInput>({
    initialValues: { name: '', email: '', role: 'sales', password: '' },
  });
  const { onSubmit, failure, pending } = useServerSubmit(form, fields, async (values) => {
    const user = await create.mutateAsync(values);
    notifications.show({
      color: 'green',
      message: `${user.name} was added as ${roleLabels[user.role]}.`,
    });
    onDone();
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          autoComplete="off"
          data-autofocus
          withAsterisk
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          withAsterisk
          {...form.getInputProps('email')}
        />
        <Select
          label="Role"
          data={roleOptions}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('role')}
          onChange={(value) => form.setFieldValue('role', (value ?? 'sales') as Role)}
        />
        <PasswordInput
          label="Initial password"
          description="At least 8 characters. Share it with them privately; they can change it after signing in."
          autoComplete="new-password"
          withAsterisk
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The "New user" dialog: the server validates, and its field errors appear under the fields. */
export function NewUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New user" size="md">
      <NewUserForm onDone={onClose} />
    </Modal>
  );
}
