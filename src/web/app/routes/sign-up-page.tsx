import { Alert, Anchor, Button } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { setupStatusQueryOptions } from '../../features/auth/api/get-setup-status.ts';
import { SignUpForm } from '../../features/auth/components/sign-up-form.tsx';

export function SignUpPage() {
  const navigate = useNavigate();
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
        <SignUpForm onSignedUp={() => navigate({ to: '/customers' })} />
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
