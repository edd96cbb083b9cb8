import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { errorMessage } from '../../../lib/api-client.ts';
import { showFieldErrors } from '../../../lib/form-errors.ts';
import { type SignUpInput, useSignUp } from '../api/sign-up.ts';

const fields = ['name', 'email', 'password'] as const;

export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const signUp = useSignUp();
  const form = useForm<SignUpInput>({ initialValues: { name: '', email: '', password: '' } });
  const unexpected = signUp.error && !fields.some((field) => form.errors[field]);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        signUp.mutate(values, {
          onSuccess: onSignedUp,
          onError: (error) => showFieldErrors(form, error, fields),
        }),
      )}
    >
      <Stack gap="md">
        {unexpected ? (
          <Alert color="red" role="alert">
            {errorMessage(signUp.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Name"
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
        <Button type="submit" loading={signUp.isPending} fullWidth>
          Create account
        </Button>
      </Stack>
    </form>
  );
}
