import { Alert, Anchor, Button } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { setupStatusQueryOptions } from '../../features/auth/api/get-setup-status.ts';
import { useSignUp } from '../../features/auth/api/sign-up.ts';
import { AccountForm } from '../../features/auth/components/account-form.tsx';

export function SignUpPage() {
  const navigate = useNavigate();
  const signUp = useSignUp();
  const { data: status } = useSuspenseQuery(setupStatusQueryOptions);
  return (
    <AuthLayout
      title="Create your account"
      subtitle="You will be signed in right away."
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to="/sign-in" size="sm">
            Sign in
          </Anchor>
        </>
      }
    >
      {status.allowSignup ? (
        <AccountForm
          nameLabel="Name"
          submitLabel="Create account"
          onSubmit={async (values) => {
            await signUp.mutateAsync(values);
            // Newcomers are sales users: `/` lands them on their dashboard.
            await navigate({ to: '/' });
          }}
        />
      ) : (
        <>
          <Alert color="gray" role="status">
            Self sign-up is turned off on this server. Ask an administrator to create an account for
            you.
          </Alert>
          <Button component={Link} to="/sign-in" variant="light">
            Back to sign in
          </Button>
        </>
      )}
    </AuthLayout>
  );
}
