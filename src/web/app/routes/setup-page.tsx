import { useNavigate } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { useCompleteSetup } from '../../features/auth/api/complete-setup.ts';
import { AccountForm } from '../../features/auth/components/account-form.tsx';

export function SetupPage() {
  const navigate = useNavigate();
  const setup = useCompleteSetup();
  return (
    <AuthLayout
      title="Set up Leadline"
      subtitle="Create the administrator account. You can invite your team once you are in."
    >
      <AccountForm
        nameLabel="Your name"
        submitLabel="Create admin account"
        onSubmit={async (values) => {
          await setup.mutateAsync(values);
          await navigate({ to: '/customers' });
        }}
      />
    </AuthLayout>
  );
}
