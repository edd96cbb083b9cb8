import { Anchor } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { setupStatusQueryOptions } from '../../features/auth/api/get-setup-status.ts';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { safeRedirect } from '../../lib/safe-redirect.ts';

export function SignInPage({ redirect }: { redirect?: string }) {
  const router = useRouter();
  const { data: status } = useSuspenseQuery(setupStatusQueryOptions);
  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Sign in to your team’s CRM."
      footer={
        status.allowSignup ? (
          <>
            New here?{' '}
            <Anchor component={Link} to="/sign-up" size="sm">
              Create an account
            </Anchor>
          </>
        ) : null
      }
    >
      <SignInForm onSignedIn={() => router.history.push(safeRedirect(redirect))} />
    </AuthLayout>
  );
}
