import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { SetupInput } from '../../../../contracts/users.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { showFieldErrors } from '../../../lib/form-errors.ts';
import { useCompleteSetup } from '../api/complete-setup.ts';

const fields = ['name', 'email', 'password'] as const;

/** First run: the person installing Leadline becomes its admin. */
export function SetupForm({ onDone }: { onDone: () => void }) {
  const setup = useCompleteSetup();
  const form = useForm<SetupInput>({ initialValues: { name: '', email: '', password: '' } });
  const unexpected = setup.error && !fields.some((field) => form.errors[field]);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        setup.mutate(values, {
          onSuccess: onDone,
          onError: (error) => showFieldErrors(form, error, fields),
        }),
      )}
    >
      <Stack gap="md">
        {unexpected ? (
          <Alert color="red" role="alert">
            {errorMessage(setup.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Your name"
          autoComplete="name"
          autoFocus
          withAsterisk
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          withAsterisk
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          description="At least 8 characters"
          autoComplete="new-password"
          withAsterisk
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={setup.isPending} fullWidth>
          Create admin account
        </Button>
      </Stack>
    </form>
  );
}
