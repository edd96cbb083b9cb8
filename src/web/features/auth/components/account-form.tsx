import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useServerSubmit } from '../../../lib/use-server-submit.ts';

export interface AccountValues {
  name: string;
  email: string;
  password: string;
}

const fields = ['name', 'email', 'password'] as const;

/** Name, email and a new password: first-run setup and self sign-up both ask for these. */
export function AccountForm({
  nameLabel,
  submitLabel,
  onSubmit,
}: {
  nameLabel: string;
  submitLabel: string;
  onSubmit: (values: AccountValues) => Promise<unknown>;
}) {
  const form = useForm<AccountValues>({ initialValues: { name: '', email: '', password: '' } });
  const { onSubmit: submit, failure, pending } = useServerSubmit(form, fields, onSubmit);

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput
          label={nameLabel}
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
        <Button type="submit" loading={pending} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
